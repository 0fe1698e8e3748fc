using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Infrastructure;

/// <summary>
/// Stands in for Hangfire's client (tests run no job server): records each job the app enqueues and, at that moment,
/// how many outbox rows another connection can see, which tells whether the enqueue came after the commit.
/// </summary>
public sealed class RecordingJobClient(IServiceProvider services) : IBackgroundJobClient
{
    public sealed record Enqueued(string JobType, int VisibleNotifications);

    public ConcurrentQueue<Enqueued> Jobs { get; } = new();

    public string Create(Job job, IState state)
    {
        using var scope = services.CreateScope();
        var visible = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>().Notifications.Count();
        Jobs.Enqueue(new Enqueued(job.Type.Name, visible));
        return Guid.NewGuid().ToString("N");
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
