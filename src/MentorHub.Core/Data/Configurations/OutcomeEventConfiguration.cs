using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class OutcomeEventConfiguration : IEntityTypeConfiguration<OutcomeEvent>
{
    public void Configure(EntityTypeBuilder<OutcomeEvent> builder)
    {
        builder.Property(o => o.Note).HasMaxLength(1000);
        builder.HasIndex(o => new { o.UserId, o.OccurredOn });
        builder.HasIndex(o => new { o.ProgramId, o.Kind });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.RecordedByUserId);
        builder.HasOne<MentorshipProgram>().WithMany().HasForeignKey(o => o.ProgramId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(o => o.StaffMemberId);
        builder.HasIndex(o => new { o.StaffMemberId, o.OccurredOn });
    }
}
