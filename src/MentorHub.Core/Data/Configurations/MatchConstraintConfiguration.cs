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
