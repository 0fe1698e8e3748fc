using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.StaffNumber).HasMaxLength(40).IsRequired();
        builder.HasIndex(s => s.StaffNumber).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(120).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.HasIndex(s => s.Email);
        builder.Property(s => s.Branch).HasMaxLength(120);
        builder.Property(s => s.JobTitle).HasMaxLength(120);
        builder.Property(s => s.LeaveReason).HasMaxLength(200);
        builder.Property(s => s.ManagerStaffNumber).HasMaxLength(40);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.UserId);
    }
}
