using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace MentorHub.Web.Forms;

/// <summary>
/// Field names in a person's words: a property called <c>NewPassword</c> is "New password" wherever the framework names
/// it (labels, binding messages), and <c>TimeZoneId</c> is "Time zone".
/// </summary>
public sealed class FieldNames : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.MetadataKind == ModelMetadataKind.Property && context.DisplayMetadata.DisplayName is null)
        {
            var name = Humanize(context.Key.Name!);
            context.DisplayMetadata.DisplayName = () => name;
        }
    }

    /// <summary>The words of a form key's last member: "Input.MeetingCadenceDays" → "Meeting cadence days".</summary>
    public static string Humanize(string key)
    {
        var member = key.Split('.').Last();
        var bracket = member.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0) member = member[..bracket];
        if (member.Length > 2 && member.EndsWith("Id", StringComparison.Ordinal)) member = member[..^2];
        var words = new StringBuilder();
        for (var i = 0; i < member.Length; i++)
        {
            var c = member[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(member[i - 1])) words.Append(' ');
            words.Append(i == 0 ? char.ToUpperInvariant(c) : i > 0 && char.IsUpper(c) && (i + 1 == member.Length || !char.IsUpper(member[i + 1])) ? char.ToLowerInvariant(c) : c);
        }
        return words.ToString();
    }
}

/// <summary>
/// What the model binder says when a value cannot be read. Its own messages ("The value '' is invalid.") name no field;
/// these are placeholders that <see cref="FieldErrors"/> words for the field, and that give way to a validation rule's
/// message for the same field.
/// </summary>
public static class BindingMessages
{
    public const string Missing = "mentorhub:binding:missing";
    public const string Invalid = "mentorhub:binding:invalid";

    public static void Configure(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => Missing);
        messages.SetMissingBindRequiredValueAccessor(_ => Missing);
        messages.SetMissingKeyOrValueAccessor(() => Missing);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Missing);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid);
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid);
        messages.SetValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueMustBeANumberAccessor(_ => Invalid);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Invalid);
    }

    public static bool IsBindingMessage(string message) => message is Missing or Invalid;

    /// <summary>
    /// A binding placeholder in words for the field it is about, named as its label names it where the page has one
    /// (<paramref name="label"/>), with what the field takes (<paramref name="inputType"/>: number, date, select…).
    /// </summary>
    public static string Words(string message, string key, string? label = null, string? inputType = null)
    {
        if (!IsBindingMessage(message)) return message;
        var name = label is { Length: > 0 } ? $"“{label}”" : FieldNames.Humanize(key).ToLowerInvariant();
        return inputType switch
        {
            "number" => $"Enter a number for {name}.",
            "date" => $"Enter a date for {name}.",
            "time" => $"Enter a time for {name}.",
            "select" => $"Choose {name} from the list.",
            _ when message == Missing => $"Fill in {name}.",
            _ => $"Check {name}: what was entered cannot be read.",
        };
    }
}
