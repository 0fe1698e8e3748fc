using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(200).IsRequired();
        builder.Property(g => g.Description).HasMaxLength(4000);
        builder.Property(g => g.AbandonReason).HasMaxLength(500);
        builder.HasIndex(g => new { g.MentorshipId, g.Status });
        builder.HasIndex(g => g.OwnerMemberId);
        builder.HasOne(g => g.OwnerMember).WithMany().HasForeignKey(g => g.OwnerMemberId);
        builder.HasOne(g => g.Competency).WithMany().HasForeignKey(g => g.CompetencyId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.CreatedByUserId);
        builder.HasMany(g => g.Milestones).WithOne().HasForeignKey(m => m.GoalId);
        builder.HasMany(g => g.Updates).WithOne().HasForeignKey(u => u.GoalId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Goals_ProgressPercent", "\"ProgressPercent\" BETWEEN 0 AND 100"));
    }
}

public class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200).IsRequired();
        builder.HasIndex(m => new { m.GoalId, m.DueOn });
    }
}

public class GoalUpdateConfiguration : IEntityTypeConfiguration<GoalUpdate>
{
    public void Configure(EntityTypeBuilder<GoalUpdate> builder)
    {
        builder.Property(u => u.Text).HasMaxLength(4000);
        builder.HasIndex(u => new { u.GoalId, u.CreatedAtUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.AuthorUserId);
    }
}
