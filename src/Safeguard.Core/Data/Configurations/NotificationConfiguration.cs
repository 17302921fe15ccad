using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.Reference).HasMaxLength(30);
        b.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The list and the unread count in the menu: one user's, newest first.
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt }).HasDatabaseName("IX_Notifications_User");
    }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.ToTable("OutboundEmails");
        b.Property(e => e.To).HasMaxLength(256);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.Body).HasMaxLength(4000);
        b.Property(e => e.LastError).HasMaxLength(500);
        b.HasOne(e => e.Notification).WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(e => new { e.SentAt, e.GaveUpAt, e.NextAttemptAt }).HasDatabaseName("IX_OutboundEmails_Due");
        b.HasIndex(e => e.NotificationId).HasDatabaseName("IX_OutboundEmails_NotificationId");
    }
}
