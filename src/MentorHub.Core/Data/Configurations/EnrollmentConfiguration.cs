using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.Property(e => e.RankedMentors).HasMaxLength(200);
        builder.Ignore(e => e.MentorChoices);
        builder.HasIndex(e => new { e.CohortId, e.UserId }).IsUnique();
        builder.HasIndex(e => new { e.UserId, e.Status });
        // A cohort's enrollments by status (applications waiting, active mentors): counted on coordinators' home pages.
        builder.HasIndex(e => new { e.CohortId, e.Status });
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId);
        builder.Property(e => e.WithdrawalReason).HasMaxLength(500);
        builder.Property(e => e.Branch).HasMaxLength(120);
        builder.Property(e => e.Preferences).HasMaxLength(1000);
        builder.HasMany(e => e.Competencies).WithOne().HasForeignKey(c => c.EnrollmentId);
        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.EnrollmentId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Enrollments_MentorCapacity", "\"MentorCapacity\" BETWEEN 1 AND 10"));
    }
}

public class EnrollmentCompetencyConfiguration : IEntityTypeConfiguration<EnrollmentCompetency>
{
    public void Configure(EntityTypeBuilder<EnrollmentCompetency> builder)
    {
        builder.HasIndex(c => new { c.EnrollmentId, c.CompetencyId, c.Interest }).IsUnique();
        builder.HasOne(c => c.Competency).WithMany().HasForeignKey(c => c.CompetencyId);
        builder.ToTable(t => t.HasCheckConstraint("CK_EnrollmentCompetencies_Level", "\"Level\" BETWEEN 1 AND 5"));
    }
}

public class MatchAnswerConfiguration : IEntityTypeConfiguration<MatchAnswer>
{
    public void Configure(EntityTypeBuilder<MatchAnswer> builder)
    {
        builder.Property(a => a.Values).HasMaxLength(40).IsRequired();
        builder.HasIndex(a => new { a.EnrollmentId, a.QuestionId }).IsUnique();
        builder.HasOne<MatchQuestion>().WithMany().HasForeignKey(a => a.QuestionId);
    }
}
