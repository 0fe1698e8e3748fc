using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Url).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(r => r.ProgramId);
        builder.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedByUserId);
        builder.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.ResourceId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Resources_OneOwner",
            "(\"ProgramId\" IS NOT NULL AND \"MentorshipId\" IS NULL) OR (\"ProgramId\" IS NULL AND \"MentorshipId\" IS NOT NULL)"));
    }
}

public class ResourceCompetencyConfiguration : IEntityTypeConfiguration<ResourceCompetency>
{
    public void Configure(EntityTypeBuilder<ResourceCompetency> builder)
    {
        builder.HasKey(t => new { t.ResourceId, t.CompetencyId });
        builder.HasOne<Competency>().WithMany().HasForeignKey(t => t.CompetencyId);
    }
}
