using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> builder)
    {
        builder.HasIndex(m => new { m.CohortId, m.Status });
        builder.Property(m => m.ClosureReason).HasMaxLength(500);
        builder.HasMany(m => m.Members).WithOne(mm => mm.Mentorship).HasForeignKey(mm => mm.MentorshipId);
        builder.HasMany(m => m.Meetings).WithOne(mt => mt.Mentorship).HasForeignKey(mt => mt.MentorshipId);
        builder.HasMany(m => m.Goals).WithOne(g => g.Mentorship).HasForeignKey(g => g.MentorshipId);
    }
}

public class MentorshipMemberConfiguration : IEntityTypeConfiguration<MentorshipMember>
{
    public void Configure(EntityTypeBuilder<MentorshipMember> builder)
    {
        builder.HasIndex(m => new { m.MentorshipId, m.EnrollmentId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => m.EnrollmentId);
        builder.HasOne(m => m.Enrollment).WithMany().HasForeignKey(m => m.EnrollmentId);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
    }
}
