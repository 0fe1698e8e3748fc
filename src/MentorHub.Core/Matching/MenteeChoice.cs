using System.Globalization;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Matching;

/// <summary>What a mentee sees in a cohort where mentees choose or rank: their shortlist, their open request and the ones that ended.</summary>
public sealed record MenteeChoiceView(
    MatchingInput Input,
    MenteeChoiceMode Mode,
    int ShortlistSize,
    int RequestDays,
    IReadOnlyList<ShortlistEntry> Shortlist,
    RequestRow? Open,
    IReadOnlyList<RequestRow> Ended)
{
    /// <summary>A mentor of the cohort by name, for messages about them.</summary>
    public string MentorName(int enrollmentId) => Input.MentorPlaces.FirstOrDefault(p => p.EnrollmentId == enrollmentId)?.Name ?? "That mentor";
}

/// <summary>
/// Mentees choosing their mentor: a mentee requests a mentor from their shortlist, the mentor accepts or declines, an
/// unanswered request expires after the cohort's days, and the coordinator approves an accepted request (the mentorship
/// is made as the matching page makes it) or returns it. A mentee who is declined, not answered or returned chooses
/// again from a shortlist without that mentor. Mentees can also rank their shortlist for the coordinator's matching.
/// </summary>
public sealed class MenteeChoice(MentorHubDbContext db, CohortMatching matching, NotificationOutbox outbox, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The mentee's view; the caller has checked the enrollment is the signed-in person's own.</summary>
    public async Task<MenteeChoiceView?> LoadAsync(int menteeEnrollmentId, CancellationToken ct)
    {
        var cohort = await db.Enrollments.AsNoTracking().Where(e => e.Id == menteeEnrollmentId && e.Role == EnrollmentRole.Mentee)
            .Select(e => new { e.CohortId, e.Cohort!.ProgramId, e.Cohort.ChoiceMode, e.Cohort.ShortlistSize, e.Cohort.RequestDays }).SingleOrDefaultAsync(ct);
        if (cohort is null) return null;
        var input = await matching.LoadAsync(cohort.ProgramId, cohort.CohortId, ct);
        var now = Now;
        var shortlist = cohort.ChoiceMode is MenteeChoiceMode.None || input.Mentees.All(m => m.Id != menteeEnrollmentId) ? []
            : Shortlists.For(input, cohort.ShortlistSize, now, new HashSet<int> { menteeEnrollmentId }).GetValueOrDefault(menteeEnrollmentId, []);
        var mine = input.Requests.Where(r => r.MenteeId == menteeEnrollmentId).ToList();
        return new MenteeChoiceView(input, cohort.ChoiceMode, cohort.ShortlistSize, cohort.RequestDays, shortlist,
            mine.FirstOrDefault(r => r.IsOpen(now)), mine.Where(r => !r.IsOpen(now)).OrderByDescending(r => r.CreatedAtUtc).ToList());
    }

    /// <summary>The mentee asks a mentor on their current shortlist; the mentor hears of it by mail.</summary>
    public async Task<MentorRequest> RequestAsync(int menteeEnrollmentId, int mentorEnrollmentId, string? note, CancellationToken ct)
    {
        // The mentee's row is read before the shortlist and written with the request, so two requests of theirs at
        // once cannot both succeed; the mentor's row likewise guards their last place.
        var mentee = await db.Enrollments.Include(e => e.User).SingleAsync(e => e.Id == menteeEnrollmentId, ct);
        var view = await LoadAsync(menteeEnrollmentId, ct) ?? throw new DomainException("Only mentees choose a mentor.");
        if (view.Mode is not MenteeChoiceMode.Request) throw new DomainException("In this cohort your coordinator makes the matches.");
        if (view.Open is not null) throw new DomainException($"You have already asked {view.Open.MentorName}; wait for their answer, or withdraw the request first.");
        if (!mentee.IsActive) throw new DomainException("Only a current participant can ask for a mentor.");
        var entry = view.Shortlist.FirstOrDefault(e => e.Mentor.Id == mentorEnrollmentId)
            ?? throw new DomainException($"{view.MentorName(mentorEnrollmentId)} is not on your shortlist any more (their places may have been taken). Choose from the list below.");
        var mentorPlaces = view.Input.MentorPlaces.Single(p => p.EnrollmentId == mentorEnrollmentId);
        var mentor = await db.Enrollments.Include(e => e.User).SingleAsync(e => e.Id == mentorEnrollmentId, ct);
        db.Entry(mentor).Property(e => e.Version).OriginalValue = mentorPlaces.Version;
        db.Entry(mentor).Property(e => e.Version).IsModified = true;
        db.Entry(mentee).Property(e => e.Version).IsModified = true;

        var cohortRow = await db.Cohorts.AsNoTracking().Where(c => c.Id == mentee.CohortId).Select(c => new { c.RequestDays, c.Program!.Name }).SingleAsync(ct);
        var request = new MentorRequest(mentee.CohortId, mentee.Id, mentor.Id, note, Now, cohortRow.RequestDays);
        db.MentorRequests.Add(request);
        db.Audit(nameof(Cohort), mentee.CohortId.ToString(CultureInfo.InvariantCulture), "MentorRequested", $"{mentee.User!.DisplayName} asked {entry.Mentor.Name}");
        await db.InTransactionAsync(async ct =>
        {
            await db.SaveChangesAsync(ct);
            await outbox.QueueAsync(ProgramEmails.MentorRequested(Recipient.Of(mentor.User!), options.Value.Links, request.Id, mentor.Id, cohortRow.Name, mentee.User.DisplayName, request.Note, request.ExpiresAtUtc));
            await db.SaveChangesAsync(ct);
        }, ct);
        return request;
    }

    /// <summary>
    /// The mentee ranks mentors from their shortlist (or keeps ones they ranked before), first choice first; an empty
    /// list clears the choices. <paramref name="version"/> is the enrollment as the mentee's page loaded it.
    /// </summary>
    public async Task RankAsync(int menteeEnrollmentId, IReadOnlyList<int> chosen, Guid version, CancellationToken ct)
    {
        var view = await LoadAsync(menteeEnrollmentId, ct) ?? throw new DomainException("Only mentees rank mentors.");
        if (view.Mode is not MenteeChoiceMode.Rank) throw new DomainException("In this cohort mentees do not rank mentors.");
        var enrollment = await db.Enrollments.SingleAsync(e => e.Id == menteeEnrollmentId, ct);
        var offered = view.Shortlist.Select(e => e.Mentor.Id).Concat(enrollment.MentorChoices).ToHashSet();
        if (chosen.Any(id => !offered.Contains(id))) throw new DomainException("Rank mentors from your shortlist.");
        db.Entry(enrollment).Property(e => e.Version).OriginalValue = version;
        enrollment.RankMentors(chosen, view.ShortlistSize);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The mentor accepts (the request waits for the coordinator) or declines (the mentee chooses again).</summary>
    public async Task<MentorRequest> AnswerAsync(int requestId, bool accept, string? reason, Guid version, CancellationToken ct)
    {
        var request = await TrackedAsync(requestId, version, ct);
        if (!request.Mentor!.IsActive) throw new DomainException("Only a current participant can answer a request.");
        if (accept) request.Accept(Now);
        else request.Decline(Now, reason);
        db.Audit(nameof(Cohort), request.CohortId.ToString(CultureInfo.InvariantCulture), accept ? "MentorRequestAccepted" : "MentorRequestDeclined",
            $"{request.Mentor!.User!.DisplayName} {(accept ? "accepted" : "declined")} {request.Mentee!.User!.DisplayName}");
        await TellMenteeAsync(request, ct);
        return request;
    }

    /// <summary>The mentee takes back a request that is still open.</summary>
    public async Task WithdrawAsync(int requestId, Guid version, CancellationToken ct)
    {
        var request = await TrackedAsync(requestId, version, ct);
        request.Withdraw(Now);
        db.Audit(nameof(Cohort), request.CohortId.ToString(CultureInfo.InvariantCulture), "MentorRequestWithdrawn", $"{request.Mentee!.User!.DisplayName} withdrew their request to {request.Mentor!.User!.DisplayName}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The coordinator approves an accepted request: the mentorship is made, with its check-ins and mail, and the request closes with it.</summary>
    public async Task<Mentorship> ApproveAsync(int programId, int cohortId, int requestId, Guid version, DateOnly today, CancellationToken ct)
    {
        var input = await matching.LoadAsync(programId, cohortId, ct);
        var row = input.Requests.SingleOrDefault(r => r.Id == requestId) ?? throw new DomainException("That request is not in this cohort.");
        if (row.Status is not MentorRequestStatus.Accepted) throw new DomainException("Only a request the mentor accepted can be approved.");
        var mentee = input.Requesting.SingleOrDefault(m => m.Id == row.MenteeId) ?? throw new DomainException("The mentee is no longer waiting for a match.");
        var mentor = input.Mentors.Single(m => m.Id == row.MentorId);
        if (input.Constraints.ConflictOf(mentee.Id, mentor.Id) is { } conflict) throw new DomainException($"They cannot be matched: {conflict}.");
        var score = input.ScorerFor(new MatchSettings(input.ProgramSettings, MatchSettings.DefaultGroupSize)).Score(mentee, mentor);
        var proposal = new Proposed($"{mentee.Id}:{mentor.Id}", [mentor], [mentee], score.Total, $"Chosen by the mentee and accepted by the mentor. {score.Explain()}", IsPinned: false, score.Breakdown);
        var request = await TrackedAsync(requestId, version, ct);
        var created = await matching.AcceptAsync(input, [proposal], input.CohortVersion, today, " from a mentee's request", ct,
            mentorships => request.Approve(Now, mentorships[0].Id));
        return created[0];
    }

    /// <summary>The coordinator does not approve an accepted request; the mentee chooses again, without that mentor.</summary>
    public async Task ReturnAsync(int requestId, string? reason, Guid version, CancellationToken ct)
    {
        var request = await TrackedAsync(requestId, version, ct);
        request.Return(Now, reason);
        db.Audit(nameof(Cohort), request.CohortId.ToString(CultureInfo.InvariantCulture), "MentorRequestReturned", $"{request.Mentee!.User!.DisplayName} and {request.Mentor!.User!.DisplayName}");
        await TellMenteeAsync(request, ct);
    }

    /// <summary>Every pending request past its date expires; each mentee hears their shortlist has a next suggestion.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.MentorRequests.Include(r => r.Mentee!.User).Include(r => r.Mentor!.User)
            .Where(r => r.Status == MentorRequestStatus.Pending && r.ExpiresAtUtc <= now).OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var request in due)
        {
            request.Expire(now);
            await TellMenteeAsync(request, ct, save: false);
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task<MentorRequest> TrackedAsync(int requestId, Guid version, CancellationToken ct)
    {
        var request = await db.MentorRequests.Include(r => r.Mentee!.User).Include(r => r.Mentor!.User).SingleAsync(r => r.Id == requestId, ct);
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        return request;
    }

    private async Task TellMenteeAsync(MentorRequest request, CancellationToken ct, bool save = true)
    {
        var program = await db.Cohorts.AsNoTracking().Where(c => c.Id == request.CohortId).Select(c => c.Program!.Name).SingleAsync(ct);
        await outbox.QueueAsync(ProgramEmails.RequestAnswered(Recipient.Of(request.Mentee!.User!), options.Value.Links, request.Id, request.MenteeEnrollmentId,
            program, request.Mentor!.User!.DisplayName, request.Status, request.Reply));
        if (save) await db.SaveChangesAsync(ct);
    }
}
