using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorHub.Core.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.DedupeKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(n => n.DedupeKey).IsUnique();
        builder.Property(n => n.Kind).HasMaxLength(40).IsRequired();
        builder.Property(n => n.RecipientEmail).HasMaxLength(256).IsRequired();
        builder.Property(n => n.RecipientName).HasMaxLength(200);
        builder.Property(n => n.UnsubscribeUrl).HasMaxLength(1000);
        builder.Property(n => n.Subject).HasMaxLength(300).IsRequired();
        builder.Property(n => n.LastError).HasMaxLength(2000);
        // The delivery sweep reads pending rows in due order.
        builder.HasIndex(n => new { n.Status, n.NextAttemptAtUtc });
        // Delivery reads back the batch it claimed by its token: without this, every sweep scans the whole outbox.
        builder.HasIndex(n => n.ClaimToken);
        // Recording an outcome checks the claim is still this worker's: one that ran past its claim cannot overwrite
        // what the worker that took over recorded.
        builder.Property(n => n.ClaimToken).IsConcurrencyToken();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientUserId);
        builder.HasMany(n => n.Attachments).WithOne().HasForeignKey(a => a.NotificationId);
    }
}

public class NotificationAttachmentConfiguration : IEntityTypeConfiguration<NotificationAttachment>
{
    public void Configure(EntityTypeBuilder<NotificationAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
    }
}
