namespace MentorHub.Core.Domain;

/// <summary>A meeting of a mentorship: scheduled, then held, missed or cancelled; held meetings are logged and rated.</summary>
public class Meeting : IVersioned
{
    private Meeting() { }

    public Meeting(int mentorshipId, DateTime startsAtUtc, int durationMinutes, Modality modality, string? location, string? videoUrl, string? agenda, string createdByUserId)
    {
        MentorshipId = mentorshipId;
        Modality = modality;
        Location = location;
        VideoUrl = videoUrl;
        Agenda = agenda;
        CreatedByUserId = createdByUserId;
        SetTime(startsAtUtc, durationMinutes);
    }

    public int Id { get; private set; }
    public int MentorshipId { get; private set; }
    public Mentorship? Mentorship { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public int DurationMinutes { get; private set; }
    public Modality Modality { get; set; }
    public string? Location { get; set; }
    public string? VideoUrl { get; set; }
    public string? Agenda { get; set; }
    public MeetingStatus Status { get; private set; } = MeetingStatus.Scheduled;
    public string? CancellationReason { get; private set; }

    /// <summary>When the meeting was called off: a cancelled meeting belongs to that moment in the mentorship's history.</summary>
    public DateTime? CancelledAtUtc { get; private set; }
    public string? Notes { get; private set; }
    public DateTime? LoggedAtUtc { get; private set; }
    public string? LoggedByUserId { get; private set; }
    public string CreatedByUserId { get; private set; } = "";

    /// <summary>iCalendar SEQUENCE: raised on every reschedule or cancellation so calendars replace the old invite.</summary>
    public int Sequence { get; private set; }
    public Guid Version { get; set; }

    public List<MeetingAttendance> Attendance { get; } = [];
    public List<MeetingCompetency> CompetenciesCovered { get; } = [];
    public List<MeetingFeedback> Feedback { get; } = [];

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);

    public void Reschedule(DateTime startsAtUtc, int durationMinutes)
    {
        if (Status is not MeetingStatus.Scheduled) throw new DomainException("Only a scheduled meeting can be rescheduled.");
        SetTime(startsAtUtc, durationMinutes);
        Sequence++;
    }

    /// <summary>Changes a scheduled meeting's time and details; anything a calendar shows raises <see cref="Sequence"/> once.</summary>
    /// <returns>Whether the members' calendars need an update.</returns>
    public bool Revise(DateTime startsAtUtc, int durationMinutes, Modality modality, string? location, string? videoUrl, string? agenda)
    {
        if (Status is not MeetingStatus.Scheduled) throw new DomainException("Only a scheduled meeting can be changed.");
        var changed = StartsAtUtc != startsAtUtc || DurationMinutes != durationMinutes || Modality != modality
            || Location != location || VideoUrl != videoUrl || Agenda != agenda;
        SetTime(startsAtUtc, durationMinutes);
        (Modality, Location, VideoUrl, Agenda) = (modality, location, videoUrl, agenda);
        if (changed) Sequence++;
        return changed;
    }

    public void Cancel(string reason, DateTime nowUtc)
    {
        if (Status is not MeetingStatus.Scheduled) throw new DomainException("Only a scheduled meeting can be cancelled.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason for the cancellation.");
        if (reason.Trim().Length > 500) throw new DomainException("Keep the reason under 500 characters.");
        Status = MeetingStatus.Cancelled;
        CancellationReason = reason.Trim();
        CancelledAtUtc = nowUtc;
        Sequence++;
    }

    public void LogAsHeld(string? notes, IEnumerable<string> attendeeUserIds, IEnumerable<int> competencyIds, string loggedByUserId, DateTime nowUtc)
    {
        if (Status is MeetingStatus.Cancelled) throw new DomainException("A cancelled meeting cannot be logged.");
        if (StartsAtUtc > nowUtc) throw new DomainException("A meeting can be logged once it has started.");
        var attendees = attendeeUserIds.ToHashSet();
        if (attendees.Count == 0) throw new DomainException("Say who attended.");
        Status = MeetingStatus.Held;
        Notes = notes;
        Attendance.Clear();
        Attendance.AddRange(attendees.Select(id => new MeetingAttendance(id)));
        CompetenciesCovered.Clear();
        CompetenciesCovered.AddRange(competencyIds.Distinct().Select(id => new MeetingCompetency(id)));
        LoggedAtUtc = nowUtc;
        LoggedByUserId = loggedByUserId;
    }

    public void LogAsMissed(string? notes, string loggedByUserId, DateTime nowUtc)
    {
        if (Status is MeetingStatus.Cancelled) throw new DomainException("A cancelled meeting cannot be logged.");
        if (StartsAtUtc > nowUtc) throw new DomainException("A meeting can be logged once it has started.");
        Status = MeetingStatus.Missed;
        Notes = notes;
        Attendance.Clear();
        CompetenciesCovered.Clear();
        LoggedAtUtc = nowUtc;
        LoggedByUserId = loggedByUserId;
    }

    public void LeaveFeedback(string userId, int rating, string? comment, DateTime nowUtc)
    {
        if (Status is not MeetingStatus.Held) throw new DomainException("Feedback can be left once the meeting is logged as held.");
        if (Attendance.All(a => a.UserId != userId)) throw new DomainException("Only attendees can leave feedback.");
        if (rating is < 1 or > 5) throw new DomainException("Ratings run from 1 to 5.");
        var existing = Feedback.SingleOrDefault(f => f.UserId == userId);
        if (existing is null) Feedback.Add(new MeetingFeedback(userId, rating, comment, nowUtc));
        else existing.Revise(rating, comment, nowUtc);
    }

    private void SetTime(DateTime startsAtUtc, int durationMinutes)
    {
        if (startsAtUtc.Kind is not DateTimeKind.Utc) throw new ArgumentException("Meeting times are stored in UTC.", nameof(startsAtUtc));
        if (durationMinutes is < 5 or > 480) throw new DomainException("A meeting lasts between 5 minutes and 8 hours.");
        StartsAtUtc = startsAtUtc;
        DurationMinutes = durationMinutes;
    }
}

public class MeetingAttendance(string userId)
{
    public int MeetingId { get; private set; }
    public string UserId { get; private set; } = userId;
}

public class MeetingCompetency(int competencyId)
{
    public int MeetingId { get; private set; }
    public int CompetencyId { get; private set; } = competencyId;
}

public class MeetingFeedback(string userId, int rating, string? comment, DateTime submittedAtUtc)
{
    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public string UserId { get; private set; } = userId;
    public int Rating { get; private set; } = rating;
    public string? Comment { get; private set; } = comment;
    public DateTime SubmittedAtUtc { get; private set; } = submittedAtUtc;

    internal void Revise(int rating, string? comment, DateTime nowUtc)
    {
        Rating = rating;
        Comment = comment;
        SubmittedAtUtc = nowUtc;
    }
}
