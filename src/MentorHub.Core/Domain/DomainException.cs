namespace MentorHub.Core.Domain;

/// <summary>Thrown when an operation would break a domain rule; its message is written for the person who tried it.</summary>
public sealed class DomainException(string message) : Exception(message);
