using System.Text;

namespace MentorHub.Core.Notifications.Templates;

/// <summary>The plain-text twin of <see cref="EmailTemplate"/>, for clients that do not show HTML.</summary>
public static class EmailText
{
    public static string Render(EmailContent content)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(content.Greeting).Append(",\n\n");
        foreach (var block in content.Blocks)
        {
            switch (block)
            {
                case EmailParagraph paragraph:
                    text.Append(paragraph.Text).Append("\n\n");
                    break;
                case EmailFacts facts:
                    foreach (var fact in facts.Facts) text.Append(fact.Label).Append(": ").Append(fact.Value).Append('\n');
                    text.Append('\n');
                    break;
                case EmailSection section:
                    text.Append(section.Heading).Append('\n').Append('-', section.Heading.Length).Append('\n');
                    if (section.Items.Count == 0) text.Append(section.Empty).Append('\n');
                    foreach (var item in section.Items)
                    {
                        text.Append("* ").Append(item.Text);
                        if (item.Detail is not null) text.Append(" — ").Append(item.Detail);
                        if (item.Link is not null) text.Append(" <").Append(item.Link).Append('>');
                        text.Append('\n');
                    }
                    text.Append('\n');
                    break;
                case EmailButton button:
                    text.Append(button.Label).Append(": ").Append(button.Link).Append("\n\n");
                    break;
            }
        }
        if (content.Footnote is not null) text.Append(content.Footnote).Append("\n\n");
        text.Append("-- MentorHub\n");
        if (content.PreferencesLink is not null) text.Append("Choose which messages you get: ").Append(content.PreferencesLink).Append('\n');
        return text.ToString();
    }
}
