using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Reflection).HasMaxLength(4000);
        builder.HasIndex(a => new { a.MentorshipMemberId, a.Kind, a.DueOn }).IsUnique();
        builder.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MentorshipMemberId);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId);
    }
}

public class AssessmentScoreConfiguration : IEntityTypeConfiguration<AssessmentScore>
{
    public void Configure(EntityTypeBuilder<AssessmentScore> builder)
    {
        builder.HasKey(s => new { s.AssessmentId, s.CompetencyId });
        builder.HasOne<Competency>().WithMany().HasForeignKey(s => s.CompetencyId);
        builder.ToTable(t => t.HasCheckConstraint("CK_AssessmentScores_Proficiency", "\"Proficiency\" BETWEEN 1 AND 5"));
    }
}
