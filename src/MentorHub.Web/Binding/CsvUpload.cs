using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MentorHub.Web.Binding;

/// <summary>An uploaded CSV file read whole, or the reason it was not, as an error on the <c>file</c> field.</summary>
public static class CsvUpload
{
    public static async Task<byte[]?> ReadAsync(IFormFile? file, int maxBytes, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            modelState.AddModelError("file", "Choose a CSV file to upload.");
            return null;
        }
        if (file.Length > maxBytes)
        {
            modelState.AddModelError("file", $"The file is {file.Length / 1024:N0} KB; the limit is {maxBytes / 1024 / 1024} MB. Split it into smaller files.");
            return null;
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>The file carried through the preview (base64 in a hidden field), or null with a form error when it was altered.</summary>
    public static byte[]? FromPreview(string? carried, ModelStateDictionary modelState)
    {
        try
        {
            return Convert.FromBase64String(carried ?? "");
        }
        catch (FormatException)
        {
            modelState.AddModelError(string.Empty, "The file could not be read back. Upload it again.");
            return null;
        }
    }
}
