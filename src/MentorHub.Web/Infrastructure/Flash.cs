using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorHub.Web.Infrastructure;

/// <summary>One-shot success and error messages shown at the top of the next page.</summary>
public static class Flash
{
    public const string SuccessKey = "Flash.Success";
    public const string ErrorKey = "Flash.Error";

    public static void FlashSuccess(this PageModel page, string message) => page.TempData[SuccessKey] = message;

    public static void FlashError(this PageModel page, string message) => page.TempData[ErrorKey] = message;
}
