using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class ServiceMeasureConfiguration : IEntityTypeConfiguration<ServiceMeasure>
{
    public void Configure(EntityTypeBuilder<ServiceMeasure> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(120).IsRequired();
        builder.Property(m => m.Unit).HasMaxLength(40).IsRequired();
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(m => m.ProgramId);
        builder.HasIndex(m => m.ProgramId);
        builder.HasMany(m => m.Values).WithOne().HasForeignKey(v => v.ServiceMeasureId);
    }
}

public class ServiceMeasureValueConfiguration : IEntityTypeConfiguration<ServiceMeasureValue>
{
    public void Configure(EntityTypeBuilder<ServiceMeasureValue> builder)
    {
        builder.Property(v => v.Value).HasPrecision(18, 4);
        builder.HasIndex(v => new { v.ServiceMeasureId, v.Month }).IsUnique();
    }
}
