using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MentorHub.Web.Forms;

/// <summary>
/// The list of a form's problems at the top of the page, each linking to its field. The fields come later in the
/// page, so the list is written when the page is sent, once every field has been rendered. <c>forms.js</c> moves focus
/// here after a failed submit; without script the links still lead to the fields.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (!ViewContext.ModelState.IsValid) output.Content.SetHtmlContent(new Summary(ViewContext));
    }

    private sealed class Summary(ViewContext view) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var items = FieldErrors.Of(view.HttpContext).Summary(view.ModelState).ToList();
            if (items.Count == 0) return;
            writer.Write("<div class=\"alert alert-danger\" role=\"alert\" tabindex=\"-1\" id=\"form-errors\" aria-labelledby=\"form-errors-title\">");
            writer.Write("<p class=\"fw-semibold mb-1\" id=\"form-errors-title\">Please correct the following:</p><ul class=\"mb-0\">");
            foreach (var (message, fieldId) in items)
            {
                writer.Write("<li>");
                if (fieldId is null) encoder.Encode(writer, message);
                else
                {
                    writer.Write("<a class=\"alert-link\" href=\"#");
                    encoder.Encode(writer, fieldId);
                    writer.Write("\">");
                    encoder.Encode(writer, message);
                    writer.Write("</a>");
                }
                writer.Write("</li>");
            }
            writer.Write("</ul></div>");
        }
    }
}
