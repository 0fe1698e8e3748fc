namespace MentorHub.Core.Domain;

/// <summary>
/// An entity edited by more than one person. <see cref="Version"/> is an optimistic concurrency token that
/// changes on every save, so a stale edit is refused instead of silently overwriting (works on SQLite and SQL Server alike).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
