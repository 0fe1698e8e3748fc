using FluentValidation;
using FluentValidation.Resources;

namespace MentorHub.Web.Forms;

/// <summary>
/// The wording of validation rules that carry no message of their own: fields named as a person reads them
/// ("Job title", not "'Job Title'"), and sentences that say what to do.
/// </summary>
public static class ValidationMessages
{
    public static void Configure()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : FieldNames.Humanize(member.Name).ToLowerInvariant();
        var language = (LanguageManager)ValidatorOptions.Global.LanguageManager;
        language.Enabled = true;
        foreach (var (validator, message) in new[]
        {
            ("NotEmptyValidator", "Fill in the {PropertyName}."),
            ("NotNullValidator", "Fill in the {PropertyName}."),
            ("MaximumLengthValidator", "Keep the {PropertyName} to {MaxLength} characters; this has {TotalLength}."),
            ("MinimumLengthValidator", "Give the {PropertyName} at least {MinLength} characters; this has {TotalLength}."),
            ("LengthValidator", "Give the {PropertyName} {MinLength} to {MaxLength} characters; this has {TotalLength}."),
            ("InclusiveBetweenValidator", "Enter a value from {From} to {To} for the {PropertyName}."),
            ("ExclusiveBetweenValidator", "Enter a value between {From} and {To} for the {PropertyName}."),
            ("GreaterThanValidator", "Enter more than {ComparisonValue} for the {PropertyName}."),
            ("GreaterThanOrEqualValidator", "Enter at least {ComparisonValue} for the {PropertyName}."),
            ("LessThanValidator", "Enter less than {ComparisonValue} for the {PropertyName}."),
            ("LessThanOrEqualValidator", "Enter at most {ComparisonValue} for the {PropertyName}."),
            ("EnumValidator", "Choose the {PropertyName} from the list."),
            ("EmailValidator", "Enter an email address like name@example.org."),
            ("PredicateValidator", "Check the {PropertyName}."),
        })
            foreach (var culture in new[] { "en", "en-GB", "en-US" })
                language.AddTranslation(culture, validator, message);
    }
}
