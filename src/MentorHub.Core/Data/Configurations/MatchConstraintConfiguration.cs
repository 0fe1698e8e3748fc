using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class MatchConstraintConfiguration : IEntityTypeConfiguration<MatchConstraint>
{
    public void Configure(EntityTypeBuilder<MatchConstraint> builder)
    {
        builder.HasIndex(c => new { c.CohortId, c.MenteeEnrollmentId, c.MentorEnrollmentId }).IsUnique();
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(c => c.MenteeEnrollmentId);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(c => c.MentorEnrollmentId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedByUserId);
    }
}

public class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> builder)
    {
        builder.HasIndex(r => new { r.CohortId, r.RunAtUtc });
        // Runs go with their cohort when it is deleted (only a cohort with no one in it can be): see CascadeWithParent.
        builder.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId);
        builder.HasOne(r => r.RunBy).WithMany().HasForeignKey(r => r.RunByUserId);
        builder.OwnsOne(r => r.Settings, w => MatchWeightsColumns.Map(w, minimumScore: "MinimumScore", objective: "Objective"));
        builder.Navigation(r => r.Settings).IsRequired();
        builder.Property(r => r.ResultJson).IsRequired();
        builder.Property(r => r.QuestionWeightsJson).HasMaxLength(1000);
    }
}
