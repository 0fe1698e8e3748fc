
namespace MentorHub.Web.Pages.Meetings;

/// <summary>When, how long, where and what: the fields of scheduling and rescheduling, in the person's own time zone.</summary>
public sealed class MeetingInput
{
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public Modality Modality { get; set; } = Modality.Virtual;
    public string? Location { get; set; }
    public string? VideoUrl { get; set; }
    public string? Agenda { get; set; }
    public Guid Version { get; set; }

    /// <summary>
    /// The time and length the person saw the clash warning for and chose to keep; a time or length changed after the
    /// warning is checked again.
    /// </summary>
    public string? OverlapConfirmedFor { get; set; }

    /// <summary>This form's time and length, e.g. "2027-03-10T10:30/60".</summary>
    public string Slot() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd}T{Time:HH:mm}/{DurationMinutes}");

    public bool OverlapConfirmed => OverlapConfirmedFor == Slot();

    public DateTime LocalStart() => Date!.Value.ToDateTime(Time!.Value);

    public sealed class Validator : AbstractValidator<MeetingInput>
    {
        public Validator()
        {
            RuleFor(x => x.Date).NotNull().WithMessage("Choose the date.");
            RuleFor(x => x.Time).NotNull().WithMessage("Choose the time.");
            RuleFor(x => x.DurationMinutes).InclusiveBetween(5, 480).WithMessage("A meeting lasts between 5 minutes and 8 hours.");
            RuleFor(x => x.Modality).IsInEnum().WithMessage("Choose how you will meet.");
            RuleFor(x => x.Location).NotEmpty().When(x => x.Modality is Modality.InPerson).WithMessage("Say where you will meet in person.").MaximumLength(300);
            // A virtual meeting's link may follow (added later by editing the meeting); a hybrid one needs its place.
            RuleFor(x => x.Location).NotEmpty().When(x => x.Modality is Modality.Hybrid).WithMessage("Say where the in-person part of a hybrid meeting is; the video link can follow.");
            RuleFor(x => x.VideoUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .When(x => !string.IsNullOrWhiteSpace(x.VideoUrl)).WithMessage("The video link must be an http or https address.").MaximumLength(2000);
            RuleFor(x => x.Agenda).MaximumLength(4000);
        }
    }
}
