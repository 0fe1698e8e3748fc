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

public class MentorRequestConfiguration : IEntityTypeConfiguration<MentorRequest>
{
    public void Configure(EntityTypeBuilder<MentorRequest> builder)
    {
        builder.HasIndex(r => new { r.CohortId, r.Status });
        builder.HasIndex(r => new { r.MentorEnrollmentId, r.Status });
        builder.HasIndex(r => r.MenteeEnrollmentId);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId);
        builder.HasOne(r => r.Mentee).WithMany().HasForeignKey(r => r.MenteeEnrollmentId);
        builder.HasOne(r => r.Mentor).WithMany().HasForeignKey(r => r.MentorEnrollmentId);
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId);
        builder.Property(r => r.Note).HasMaxLength(MentorRequest.MaxNoteLength);
        builder.Property(r => r.Reply).HasMaxLength(MentorRequest.MaxNoteLength);
    }
}
