using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class ProgramConfiguration : IEntityTypeConfiguration<MentorshipProgram>
{
    public void Configure(EntityTypeBuilder<MentorshipProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Name).HasMaxLength(160).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.Status);
        builder.OwnsOne(p => p.MatchWeights, w => MatchWeightsColumns.Map(w, minimumScore: "MatchMinimumScore", objective: "MatchObjective"));
        builder.Navigation(p => p.MatchWeights).IsRequired();
        builder.HasMany(p => p.TargetCompetencies).WithOne().HasForeignKey(t => t.ProgramId);
        builder.HasMany(p => p.Coordinators).WithOne().HasForeignKey(c => c.ProgramId);
        builder.HasMany(p => p.TrainingModules).WithOne().HasForeignKey(m => m.ProgramId);
        builder.HasMany(p => p.Questions).WithOne().HasForeignKey(q => q.ProgramId);
        builder.HasMany(p => p.Cohorts).WithOne(c => c.Program).HasForeignKey(c => c.ProgramId);
    }
}

public class ProgramCompetencyConfiguration : IEntityTypeConfiguration<ProgramCompetency>
{
    public void Configure(EntityTypeBuilder<ProgramCompetency> builder)
    {
        builder.HasKey(t => new { t.ProgramId, t.CompetencyId });
        builder.HasOne(t => t.Competency).WithMany().HasForeignKey(t => t.CompetencyId);
    }
}

public class ProgramCoordinatorConfiguration : IEntityTypeConfiguration<ProgramCoordinator>
{
    public void Configure(EntityTypeBuilder<ProgramCoordinator> builder)
    {
        builder.HasKey(c => new { c.ProgramId, c.UserId });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId);
        builder.HasIndex(c => c.UserId);
    }
}

public class MatchQuestionConfiguration : IEntityTypeConfiguration<MatchQuestion>
{
    public void Configure(EntityTypeBuilder<MatchQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(200).IsRequired();
        builder.Property(q => q.Options).HasMaxLength(1000).IsRequired();
        builder.HasIndex(q => new { q.ProgramId, q.SortOrder });
    }
}

/// <summary>The columns of <see cref="MatchWeights"/>, for the program's own settings and for each dry run's.</summary>
internal static class MatchWeightsColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, MatchWeights> w, string minimumScore, string objective) where TOwner : class
    {
        w.Property(x => x.Competency).HasColumnName("WeightCompetency");
        w.Property(x => x.Availability).HasColumnName("WeightAvailability");
        w.Property(x => x.Modality).HasColumnName("WeightModality");
        w.Property(x => x.Branch).HasColumnName("WeightBranch");
        w.Property(x => x.CareerStage).HasColumnName("WeightCareerStage");
        w.Property(x => x.MenteeChoice).HasColumnName("WeightMenteeChoice");
        w.Property(x => x.BranchRule).HasColumnName("BranchRule");
        w.Property(x => x.MinimumScore).HasColumnName(minimumScore);
        w.Property(x => x.Objective).HasColumnName(objective);
    }
}
