using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Dramm;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Data.Configurations;

internal sealed class DrammDayConfiguration : IEntityTypeConfiguration<DrammDay>
{
    public void Configure(EntityTypeBuilder<DrammDay> b)
    {
        b.ToTable("DrammDays");
        b.HasKey(d => new { d.AreaId, d.Day }).HasName("PK_DrammDays");
        b.Property(d => d.Day).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Area>().WithMany().HasForeignKey(d => d.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
