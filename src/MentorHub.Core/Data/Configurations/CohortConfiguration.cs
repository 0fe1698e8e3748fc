using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(120).IsRequired();
        builder.HasIndex(c => new { c.ProgramId, c.Name }).IsUnique();
        builder.HasMany(c => c.Enrollments).WithOne(e => e.Cohort).HasForeignKey(e => e.CohortId);
        builder.HasMany(c => c.Mentorships).WithOne(m => m.Cohort).HasForeignKey(m => m.CohortId);
        builder.HasMany(c => c.Workshops).WithOne().HasForeignKey(w => w.CohortId);
    }
}
