using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Body).HasMaxLength(Message.MaxLength).IsRequired();
        builder.Property(m => m.AuthorUserId).IsRequired();
        // A conversation is read newest first and unread counts compare ids within a mentorship.
        builder.HasIndex(m => new { m.MentorshipId, m.Id });
        builder.HasOne(m => m.Mentorship).WithMany().HasForeignKey(m => m.MentorshipId);
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorUserId);
    }
}
