using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("Areas");
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.Name).IsUnique().HasDatabaseName("IX_Areas_Name");
    }
}

internal sealed class UserAreaConfiguration : IEntityTypeConfiguration<UserArea>
{
    public void Configure(EntityTypeBuilder<UserArea> b)
    {
        b.ToTable("UserAreas");
        b.HasKey(ua => new { ua.UserId, ua.AreaId });
        b.HasOne<User>().WithMany().HasForeignKey(ua => ua.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Area>().WithMany().HasForeignKey(ua => ua.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(ua => ua.AreaId).HasDatabaseName("IX_UserAreas_AreaId");
    }
}
