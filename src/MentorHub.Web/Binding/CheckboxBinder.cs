using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MentorHub.Web.Binding;

/// <summary>
/// Binds a bool the way a checkbox means it: "true" or "on" is ticked, anything else is not. A browser never sends
/// anything else, and a tampered value must not leave an "attempted value" that the checkbox tag helper then fails to
/// render (a server error instead of the page).
/// </summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        var first = values.FirstValue;
        var ticked = string.Equals(first, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(first, "on", StringComparison.OrdinalIgnoreCase);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, ticked.ToString(), ticked ? "true" : "false");
        bindingContext.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }
}

public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;
}
