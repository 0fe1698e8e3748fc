using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class TrainingModuleConfiguration : IEntityTypeConfiguration<TrainingModule>
{
    public void Configure(EntityTypeBuilder<TrainingModule> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200).IsRequired();
        builder.Property(m => m.ExternalUrl).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ProgramId, m.SortOrder });
    }
}

public class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        builder.HasIndex(c => new { c.TrainingModuleId, c.UserId }).IsUnique();
        builder.HasIndex(c => c.UserId);
        builder.HasOne(c => c.TrainingModule).WithMany().HasForeignKey(c => c.TrainingModuleId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId);
    }
}
