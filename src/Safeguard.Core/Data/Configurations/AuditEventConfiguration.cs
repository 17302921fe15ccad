using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Audit;
using Safeguard.Core.Security;

namespace Safeguard.Core.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.RecordType).HasMaxLength(100);
        b.Property(e => e.RecordId).HasMaxLength(100);
        b.Property(e => e.Summary).HasMaxLength(500);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.Sequence).IsUnique().HasDatabaseName("IX_AuditEvents_Sequence");

        // The auditor's filters read newest first by Sequence: these indexes serve them without a sort.
        b.HasIndex(e => new { e.ActorUserId, e.Sequence }).HasDatabaseName("IX_AuditEvents_Actor_Sequence");
        b.HasIndex(e => new { e.RecordType, e.RecordId, e.Sequence }).HasDatabaseName("IX_AuditEvents_Record_Sequence");
        b.HasIndex(e => e.OccurredAt).HasDatabaseName("IX_AuditEvents_OccurredAt");
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
