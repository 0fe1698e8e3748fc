using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(120).IsRequired();
        builder.Property(u => u.JobTitle).HasMaxLength(120);
        builder.Property(u => u.Branch).HasMaxLength(120);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(u => u.CalendarFeedTokenHash).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarFeedTokenHash).IsUnique();
        builder.HasIndex(u => u.DisplayName);
    }
}
