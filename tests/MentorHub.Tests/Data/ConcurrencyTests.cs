using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Data;

[Collection(AppCollection.Name)]
public class ConcurrencyTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_stale_edit_of_a_versioned_entity_is_refused_not_silently_applied()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var program = new MentorshipProgram($"Concurrency {Guid.NewGuid():N}", ProgramFormat.OneToOne, 14, 6, Modality.Virtual, DateTime.UtcNow);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });

        await app.WithDbAsync(async first =>
        {
            var mine = await first.Programs.SingleAsync(p => p.Id == id);
            await app.WithDbAsync(async second =>
            {
                var theirs = await second.Programs.SingleAsync(p => p.Id == id);
                theirs.Description = "Their edit";
                await second.SaveChangesAsync();
                return 0;
            });

            mine.Description = "My edit";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
            return 0;
        });

        Assert.Equal("Their edit", await app.WithDbAsync(db => db.Programs.Where(p => p.Id == id).Select(p => p.Description).SingleAsync()));
    }
}
