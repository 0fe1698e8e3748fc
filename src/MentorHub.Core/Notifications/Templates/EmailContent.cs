namespace MentorHub.Core.Notifications.Templates;

/// <summary>
/// What a message says, independent of how it is shown: the HTML body is rendered from it by the
/// <see cref="EmailTemplate"/> Razor component and the plain-text body by <see cref="EmailText"/>, so the two never drift apart.
/// </summary>
public sealed record EmailContent(string Subject, string Greeting, IReadOnlyList<EmailBlock> Blocks)
{
    /// <summary>Small print under the message.</summary>
    public string? Footnote { get; init; }

    /// <summary>Where the reader chooses which mail they get; absent on security mail, which cannot be turned off.</summary>
    public string? PreferencesLink { get; init; }
}

public abstract record EmailBlock;

public sealed record EmailParagraph(string Text) : EmailBlock;

/// <summary>Label/value pairs, e.g. a meeting's when, where and agenda.</summary>
public sealed record EmailFacts(IReadOnlyList<EmailFact> Facts) : EmailBlock;

public sealed record EmailFact(string Label, string Value);

/// <summary>A headed list; <see cref="Empty"/> is said when there is nothing in it.</summary>
public sealed record EmailSection(string Heading, IReadOnlyList<EmailItem> Items, string? Empty = null) : EmailBlock;

/// <summary>One line of a section, optionally linked, with an optional quieter detail.</summary>
public sealed record EmailItem(string Text, string? Link = null, string? Detail = null);

public sealed record EmailButton(string Label, string Link) : EmailBlock;
