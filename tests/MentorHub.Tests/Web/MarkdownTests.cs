using MentorHub.Web.Display;

namespace MentorHub.Tests.Web;

public class MarkdownTests
{
    [Fact]
    public void A_texts_rendering_is_kept_and_is_the_same_safe_markup_the_next_time()
    {
        var text = $"Notes {Guid.NewGuid():N}: *catalogue* the [new records](https://library.example.org/records)<script>alert(1)</script>";

        var first = Markdown.Block(text).ToString();

        Assert.True(Markdown.IsKept(text));
        Assert.Contains("<em>catalogue</em>", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://library.example.org/records\">new records</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", first, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first, Markdown.Block(text).ToString());
        Assert.Equal($"<div class=\"written small\">{Markdown.Render(text)}</div>", Markdown.Block(text, "small").ToString());
    }

    [Fact]
    public void Renderings_are_kept_only_up_to_the_limit()
    {
        // Each text and its rendering take more than 200,000 characters, so the limit cannot hold all of them.
        var texts = Enumerable.Range(0, (int)(Markdown.KeptCharacters / 200_000) + 5)
            .Select(i => $"{i} {Guid.NewGuid():N} " + new string('x', 100_000)).ToList();

        foreach (var text in texts) Assert.Contains("xxxx", Markdown.Render(text).ToString(), StringComparison.Ordinal);

        Assert.Contains(texts, text => !Markdown.IsKept(text));
    }
}
