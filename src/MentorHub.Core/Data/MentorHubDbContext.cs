using MentorHub.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MentorHub.Core.Data;

public class MentorHubDbContext(DbContextOptions<MentorHubDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<MentorshipProgram> Programs => Set<MentorshipProgram>();
    public DbSet<ProgramCoordinator> ProgramCoordinators => Set<ProgramCoordinator>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<TrainingModule> TrainingModules => Set<TrainingModule>();
    public DbSet<TrainingCompletion> TrainingCompletions => Set<TrainingCompletion>();
    public DbSet<Mentorship> Mentorships => Set<Mentorship>();
    public DbSet<MentorshipMember> MentorshipMembers => Set<MentorshipMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingFeedback> MeetingFeedback => Set<MeetingFeedback>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();

    /// <summary>The organisation's settings (defaults until an administrator first saves them); tracked when the row exists.</summary>
    public async Task<OrganisationSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await OrganisationSettings.SingleOrDefaultAsync(s => s.Id == Domain.OrganisationSettings.SingletonId, cancellationToken) ?? new OrganisationSettings();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<GoalUpdate> GoalUpdates => Set<GoalUpdate>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<OutcomeEvent> OutcomeEvents => Set<OutcomeEvent>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<ServiceMeasure> ServiceMeasures => Set<ServiceMeasure>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<MatchConstraint> MatchConstraints => Set<MatchConstraint>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<MatchQuestion> MatchQuestions => Set<MatchQuestion>();
    public DbSet<MatchAnswer> MatchAnswers => Set<MatchAnswer>();
    public DbSet<MentorRequest> MentorRequests => Set<MentorRequest>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    /// <summary>
    /// Children that belong wholly to one parent and go with it (child type to parent type). Every other relationship is
    /// Restrict: deleting a program, user or competency never silently takes history with it, and SQL Server sees no
    /// multiple cascade paths.
    /// </summary>
    private static readonly Dictionary<Type, Type> CascadeWithParent = new()
    {
        [typeof(ProgramCompetency)] = typeof(MentorshipProgram),
        [typeof(ProgramCoordinator)] = typeof(MentorshipProgram),
        [typeof(EnrollmentCompetency)] = typeof(Enrollment),
        [typeof(TrainingCompletion)] = typeof(TrainingModule),
        [typeof(MentorshipMember)] = typeof(Mentorship),
        [typeof(MeetingAttendance)] = typeof(Meeting),
        [typeof(MeetingCompetency)] = typeof(Meeting),
        [typeof(MeetingFeedback)] = typeof(Meeting),
        [typeof(Milestone)] = typeof(Goal),
        [typeof(GoalUpdate)] = typeof(Goal),
        [typeof(AssessmentScore)] = typeof(Assessment),
        [typeof(MatchRun)] = typeof(Cohort),
        [typeof(MatchQuestion)] = typeof(MentorshipProgram),
        [typeof(MatchAnswer)] = typeof(Enrollment),
        [typeof(ResourceCompetency)] = typeof(Resource),
        [typeof(WorkshopRsvp)] = typeof(Workshop),
        [typeof(NotificationAttachment)] = typeof(Notification),
        [typeof(ServiceMeasureValue)] = typeof(ServiceMeasure),
    };

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MentorHubDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(AppUser).Namespace))
        {
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var cascades = CascadeWithParent.TryGetValue(entity.ClrType, out var parent) && parent == foreignKey.PrincipalEntityType.ClrType;
                foreignKey.DeleteBehavior = cascades ? DeleteBehavior.Cascade : DeleteBehavior.Restrict;
            }
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // PostgreSQL compares a boolean column with true, not 1, and quotes names with double quotes.
        if (Database.ProviderName == PostgreSqlProviderName)
            builder.Entity<MentorshipMember>().HasIndex(m => m.EnrollmentId, Configurations.MentorshipMemberConfiguration.OneRunningMentorship)
                .HasFilter("\"IsCurrent\" AND \"Role\" <> 'Mentor'");
    }

    /// <summary>The provider name of Npgsql's EF Core provider (Core names it without referencing the provider).</summary>
    public const string PostgreSqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        StoreAsString<ProgramFormat>(configurationBuilder);
        StoreAsString<ProgramStatus>(configurationBuilder);
        StoreAsString<Modality>(configurationBuilder);
        StoreAsString<CareerStage>(configurationBuilder);
        StoreAsString<EnrollmentRole>(configurationBuilder);
        StoreAsString<EnrollmentStatus>(configurationBuilder);
        StoreAsString<CompetencyInterest>(configurationBuilder);
        StoreAsString<BranchRule>(configurationBuilder);
        StoreAsString<MatchObjective>(configurationBuilder);
        StoreAsString<QuestionKind>(configurationBuilder);
        StoreAsString<MenteeChoiceMode>(configurationBuilder);
        StoreAsString<MentorRequestStatus>(configurationBuilder);
        StoreAsString<MentorshipStatus>(configurationBuilder);
        StoreAsString<MentorshipEndReason>(configurationBuilder);
        StoreAsString<FitAnswer>(configurationBuilder);
        StoreAsString<MemberRole>(configurationBuilder);
        StoreAsString<MeetingStatus>(configurationBuilder);
        StoreAsString<GoalStatus>(configurationBuilder);
        StoreAsString<GoalUpdateKind>(configurationBuilder);
        StoreAsString<AssessmentKind>(configurationBuilder);
        StoreAsString<OutcomeKind>(configurationBuilder);
        StoreAsString<NotificationStatus>(configurationBuilder);
        StoreAsString<MatchConstraintKind>(configurationBuilder);
    }

    private readonly List<PendingAudit> _pendingAudits = [];

    /// <summary>
    /// Notes that the acting person did <paramref name="action"/> to <paramref name="entity"/>; the audit row is written
    /// by <see cref="AuditTrailInterceptor"/> in the same save (and transaction) as the change itself.
    /// </summary>
    public void Audit(object entity, string action, string? details = null) => _pendingAudits.Add(new PendingAudit(entity, null, null, action, details));

    /// <summary>Notes an action on something that is not a tracked entity here (e.g. all failed messages).</summary>
    public void Audit(string entityType, string entityId, string action, string? details = null) =>
        _pendingAudits.Add(new PendingAudit(null, entityType, entityId, action, details));

    /// <summary>A pooled context goes back to the pool on dispose: audit notes never saved must not reach its next request.</summary>
    public override void Dispose()
    {
        _pendingAudits.Clear();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _pendingAudits.Clear();
        return base.DisposeAsync();
    }

    internal IReadOnlyList<PendingAudit> TakePendingAudits()
    {
        var taken = _pendingAudits.ToList();
        _pendingAudits.Clear();
        return taken;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureAuditIsWritten();
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureAuditIsWritten();
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void EnsureAuditIsWritten()
    {
        if (_pendingAudits.Count == 0) return;
        var interceptors = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        if (!interceptors.OfType<AuditTrailInterceptor>().Any())
            throw new InvalidOperationException("This context has no AuditTrailInterceptor, so the audit rows it was given would be lost.");
    }

    /// <summary>
    /// Gives every added or changed versioned entity a new version; the old one stays as the concurrency check. Adding
    /// or removing a child (an RSVP, a member, a milestone) changes its parent's version too, so two people who each
    /// take the last seat of a workshop cannot both succeed: the second save finds the version moved.
    /// </summary>
    private void StampVersions()
    {
        ChangeTracker.DetectChanges();
        var roots = new Dictionary<(Type, object), EntityEntry>();
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties[0];
            roots[(entry.Metadata.ClrType, entry.Property(key.Name).CurrentValue!)] = entry;
        }
        foreach (var child in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList())
        {
            if (!CascadeWithParent.TryGetValue(child.Metadata.ClrType, out var parentType) || !typeof(IVersioned).IsAssignableFrom(parentType)) continue;
            var foreignKey = child.Metadata.GetForeignKeys().First(f => f.PrincipalEntityType.ClrType == parentType);
            var parentId = child.Property(foreignKey.Properties[0].Name).CurrentValue;
            // Only the version changes (UPDATE … SET Version = new WHERE Version = as loaded), the rest of the row stays as it is.
            if (parentId is not null && roots.TryGetValue((parentType, parentId), out var parent) && parent.State is EntityState.Unchanged)
                parent.Property(nameof(IVersioned.Version)).IsModified = true;
        }
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder builder) where TEnum : struct, Enum
    {
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<TEnum?>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>Every DateTime is UTC: stored as given, read back marked as UTC (SQLite keeps no kind).</summary>
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
