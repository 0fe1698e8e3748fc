using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> builder)
    {
        builder.HasIndex(m => new { m.CohortId, m.Status });
        builder.Property(m => m.ClosureReason).HasMaxLength(500);
        builder.HasMany(m => m.Members).WithOne(mm => mm.Mentorship).HasForeignKey(mm => mm.MentorshipId);
        builder.HasMany(m => m.Meetings).WithOne(mt => mt.Mentorship).HasForeignKey(mt => mt.MentorshipId);
        builder.HasMany(m => m.Goals).WithOne(g => g.Mentorship).HasForeignKey(g => g.MentorshipId);
    }
}

public class MentorshipMemberConfiguration : IEntityTypeConfiguration<MentorshipMember>
{
    public const string OneRunningMentorship = "IX_MentorshipMembers_OneRunningMentorship";

    public void Configure(EntityTypeBuilder<MentorshipMember> builder)
    {
        builder.HasIndex(m => new { m.MentorshipId, m.EnrollmentId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.FitNote).HasMaxLength(1000);
        builder.HasIndex(m => m.EnrollmentId);
        // A mentee, peer or group member takes part in one running mentorship of their cohort at a time (mentors in as
        // many as their capacity allows): the database refuses a second, whatever page or race tries to add it.
        // [brackets] quote identifiers in both SQL Server and SQLite; PostgreSQL's filter is set in MentorHubDbContext.
        builder.HasIndex(m => m.EnrollmentId, OneRunningMentorship).IsUnique()
            .HasFilter("[IsCurrent] = 1 AND [Role] <> 'Mentor'");
        builder.HasOne(m => m.Enrollment).WithMany().HasForeignKey(m => m.EnrollmentId);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
    }
}
