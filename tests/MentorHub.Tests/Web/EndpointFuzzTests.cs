using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Web;

public partial class EndpointSweepTests
{
    /// <summary>Values a careless or hostile client sends: empty, huge, wrong types, out-of-range numbers and dates, control characters, markup.</summary>
    private static readonly string[] Malformed =
    [
        "", " ", new('x', 20_000), "-1", "0", "2147483648", "99999999999999999999", "1e309", "abc", "true", "null",
        "0001-01-01", "9999-12-31", "2026-02-30", "25:61", "\u0000\u0007\r\n\u202e", "<script>alert(1)</script>", "' OR 1=1 --",
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "%00", "../../etc/passwd",
    ];

    [Fact]
    public async Task No_form_answers_500_to_malformed_values()
    {
        var world = await WorldAsync();
        var people = new[] { world.Mentee, world.Mentor, world.Coordinator, world.Admin };
        var cases = 0;
        var failures = new List<string>();
        foreach (var person in people)
        {
            using var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            foreach (var url in Routes().Values.Select(world.Url).Where(u => !u.StartsWith("/Account/Log", StringComparison.Ordinal)))
            {
                var page = await client.GetAsync(url);
                if (page.Status != HttpStatusCode.OK) continue;
                foreach (var form in page.Document.QuerySelectorAll<IHtmlFormElement>("main form[method=post]"))
                {
                    var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                    var names = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                    var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
                    foreach (var value in Malformed)
                    {
                        var fields = names.ToDictionary(n => n, _ => value);
                        var status = await PostAsync(client, action, "", token, fields);
                        cases++;
                        if ((int)status >= 500) failures.Add($"{person.DisplayName[..12]} POST {action} with '{(value.Length > 20 ? value[..20] + "…" : value)}' → {(int)status}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} malformed posts were server errors:\n" + string.Join("\n", failures.Distinct().Take(40)));
        Assert.True(cases > 500, $"Only {cases} cases ran.");
    }
}
