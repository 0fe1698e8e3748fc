namespace MentorHub.Web.Infrastructure;

/// <summary>Configuration that makes start-up impossible; Program prints its message alone, without a stack trace.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
