using Serilog.Core;
using Serilog.Events;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Escapes control characters in logged text (a CR/LF typed into the sign-in email would otherwise start a forged
/// line in the console log).
/// </summary>
public sealed class LogValueScrubber : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Any(char.IsControl))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Escape(text))));
        }
    }

    public static string Escape(string text) => string.Concat(text.Select(c => c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        _ when char.IsControl(c) => $"\\u{(int)c:x4}",
        _ => c.ToString(),
    }));
}
