using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Data;

[Collection(AppCollection.Name)]
public class AggregateRaceTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Two_people_taking_the_last_seat_at_once_one_is_refused()
    {
        var mentorshipId = await app.CreateMentorshipAsync(await app.CreateUserAsync(null, canSignIn: false), await app.CreateUserAsync(null, canSignIn: false));
        var first = await app.CreateUserAsync(null, canSignIn: false);
        var second = await app.CreateUserAsync(null, canSignIn: false);
        var workshopId = await app.WithDbAsync(async db =>
        {
            var cohortId = await db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.CohortId).SingleAsync();
            var workshop = new Workshop(cohortId, "Last seat", null, DateTime.UtcNow.AddDays(3), 60, Modality.InPerson, "Room 2", capacity: 1);
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync();
            return workshop.Id;
        });
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        var workshopA = await dbA.Workshops.Include(w => w.Rsvps).SingleAsync(w => w.Id == workshopId);
        var workshopB = await dbB.Workshops.Include(w => w.Rsvps).SingleAsync(w => w.Id == workshopId);
        workshopA.Rsvp(first.Id, DateTime.UtcNow);
        workshopB.Rsvp(second.Id, DateTime.UtcNow);

        var results = await Task.WhenAll(Save(dbA), Save(dbB));

        Assert.Equal(1, results.Count(r => r == "saved"));
        Assert.Equal(1, results.Count(r => r == "conflict"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == workshopId).SelectMany(w => w.Rsvps).CountAsync()));
    }

    private static async Task<string> Save(MentorHubDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return "saved";
        }
        catch (DbUpdateConcurrencyException)
        {
            return "conflict";
        }
    }
}
