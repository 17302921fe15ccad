using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.ProtectionOrders;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ProtectionOrderConfiguration : IEntityTypeConfiguration<ProtectionOrder>
{
    public void Configure(EntityTypeBuilder<ProtectionOrder> b)
    {
        b.ToTable("ProtectionOrders");
        b.Ignore(o => o.Reference);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.ProtectedPremises).HasMaxLength(ProtectionOrderService.MaxPremises);
        b.Property(o => o.Terms).HasMaxLength(ProtectionOrderService.MaxText);
        b.Property(o => o.Breaches).HasMaxLength(ProtectionOrderService.MaxText);
        b.Property(o => o.RecordedByUserId).HasMaxLength(450);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Area>().WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.VictimPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PerpetratorPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        // The DRAMM's "issued in the 24 hours before the release": an area's orders by when they were issued.
        b.HasIndex(o => new { o.AreaId, o.IssuedAt }).HasDatabaseName("IX_ProtectionOrders_AreaId_IssuedAt");
        b.HasIndex(o => o.VictimPersonId).HasDatabaseName("IX_ProtectionOrders_VictimPersonId");
        b.HasIndex(o => o.PerpetratorPersonId).HasDatabaseName("IX_ProtectionOrders_PerpetratorPersonId");
        b.HasIndex(o => o.RecordedByUserId).HasDatabaseName("IX_ProtectionOrders_RecordedByUserId");
    }
}
