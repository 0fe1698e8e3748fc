using System.Net;
using System.Text.RegularExpressions;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>Every page that shows a program's data, visited by a coordinator of another program: all 404, never 403.</summary>
[Collection(AppCollection.Name)]
public class OutsiderTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_coordinator_of_another_program_gets_404_on_every_page_of_this_one()
    {
        var owner = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(owner.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var enrollmentId = await app.EnrollAsync(cohortId, (await app.CreateUserAsync(null, canSignIn: false)).Id, EnrollmentRole.Mentor);
        var moduleId = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.Include(p => p.TrainingModules).SingleAsync(p => p.Id == programId);
            program.AddTrainingModule(new TrainingModule("Basics", "Text", null, 10, isRequired: true));
            await db.SaveChangesAsync();
            return program.TrainingModules.Single().Id;
        });
        var measureId = await app.WithDbAsync(async db =>
        {
            var measure = new ServiceMeasure(programId, "Days from receipt to shelf", "days", higherIsBetter: false, DateTime.UtcNow);
            db.ServiceMeasures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        });
        var values = new Dictionary<string, int> { ["id"] = programId, ["cohortId"] = cohortId, ["enrollmentId"] = enrollmentId, ["moduleId"] = moduleId, ["measureId"] = measureId };
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        await app.CreateProgramAsync(outsider.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.Contains('{', StringComparison.Ordinal) && !r.StartsWith("/Error", StringComparison.Ordinal) && !r.StartsWith("/Admin", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Contains("/Programs/{id:int}/Cohorts/{cohortId:int}/Matching", routes);

        foreach (var route in routes)
        {
            var url = Regex.Replace(route, "{(\\w+)(:[^}]*)?}", m => values[m.Groups[1].Value].ToString(System.Globalization.CultureInfo.InvariantCulture));
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode} to an outsider.");
        }
    }
}
