using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.Property(w => w.Title).HasMaxLength(200).IsRequired();
        builder.Property(w => w.Description).HasMaxLength(4000);
        builder.Property(w => w.Location).HasMaxLength(300);
        builder.Property(w => w.CancellationReason).HasMaxLength(500);
        builder.HasIndex(w => new { w.CohortId, w.StartsAtUtc });
        builder.HasMany(w => w.Rsvps).WithOne().HasForeignKey(r => r.WorkshopId);
    }
}

public class WorkshopRsvpConfiguration : IEntityTypeConfiguration<WorkshopRsvp>
{
    public void Configure(EntityTypeBuilder<WorkshopRsvp> builder)
    {
        builder.HasKey(r => new { r.WorkshopId, r.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId);
    }
}
