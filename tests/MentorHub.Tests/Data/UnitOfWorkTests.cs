using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Data;

[Collection(AppCollection.Name)]
public class UnitOfWorkTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Work_that_answers_false_rolls_back_even_what_it_saved()
    {
        var marker = $"rollback-{Guid.NewGuid():N}";

        var committed = await app.WithDbAsync(db => db.InTransactionAsync(async ct =>
        {
            db.AuditEntries.Add(new AuditEntry(null, "Test", "Marker", marker, null, DateTime.UtcNow));
            await db.SaveChangesAsync(ct);
            return false;
        }, CancellationToken.None));

        Assert.False(committed);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == marker)));
    }

    [Fact]
    public async Task Work_that_answers_true_commits_everything_it_saved()
    {
        var marker = $"commit-{Guid.NewGuid():N}";

        await app.WithDbAsync(db => db.InTransactionAsync(async ct =>
        {
            db.AuditEntries.Add(new AuditEntry(null, "Test", "Marker", marker, null, DateTime.UtcNow));
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(new AuditEntry(null, "Test", "Marker", marker, null, DateTime.UtcNow));
            await db.SaveChangesAsync(ct);
            return true;
        }, CancellationToken.None));

        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == marker)));
    }

    [Fact]
    public async Task An_invitation_that_fails_at_its_role_leaves_no_account_behind()
    {
        var inviter = await app.CreateUserAsync();
        var email = $"refused-{Guid.NewGuid():N}@test.mentorhub.local";
        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<AccountInvitations>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => invitations.InviteAsync(email, "Refused Role", "NoSuchRole", inviter.Id, inviter.DisplayName, CancellationToken.None));

        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var again = await invitations.InviteAsync(email, "Second Try", null, inviter.Id, inviter.DisplayName, CancellationToken.None);
        Assert.NotNull(again.Result);
    }
}
