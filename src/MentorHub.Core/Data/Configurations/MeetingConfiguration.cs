using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.VideoUrl).HasMaxLength(2000);
        builder.Property(m => m.Agenda).HasMaxLength(4000);
        builder.Property(m => m.Notes).HasMaxLength(8000);
        builder.Property(m => m.CancellationReason).HasMaxLength(500);
        // A mentorship's meetings by status (held, scheduled) and time: counts of held meetings and the last or next one read the index alone.
        builder.HasIndex(m => new { m.MentorshipId, m.Status, m.StartsAtUtc });
        // The reminder sweep looks for scheduled meetings by start time.
        builder.HasIndex(m => new { m.Status, m.StartsAtUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.CreatedByUserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.LoggedByUserId);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId);
        builder.HasMany(m => m.CompetenciesCovered).WithOne().HasForeignKey(c => c.MeetingId);
        builder.HasMany(m => m.Feedback).WithOne().HasForeignKey(f => f.MeetingId);
    }
}

public class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.HasKey(a => new { a.MeetingId, a.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId);
    }
}

public class MeetingCompetencyConfiguration : IEntityTypeConfiguration<MeetingCompetency>
{
    public void Configure(EntityTypeBuilder<MeetingCompetency> builder)
    {
        builder.HasKey(c => new { c.MeetingId, c.CompetencyId });
        builder.HasOne<Competency>().WithMany().HasForeignKey(c => c.CompetencyId);
    }
}

public class MeetingFeedbackConfiguration : IEntityTypeConfiguration<MeetingFeedback>
{
    public void Configure(EntityTypeBuilder<MeetingFeedback> builder)
    {
        builder.HasIndex(f => new { f.MeetingId, f.UserId }).IsUnique();
        builder.Property(f => f.Comment).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId);
        builder.ToTable(t => t.HasCheckConstraint("CK_MeetingFeedback_Rating", "\"Rating\" BETWEEN 1 AND 5"));
    }
}
