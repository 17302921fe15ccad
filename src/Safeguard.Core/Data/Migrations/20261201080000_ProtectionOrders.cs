using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Police protection notices and orders (DVPN/DVPO, now DAPN/DAPO): the DRAMM's "protection orders" group.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261201080000_ProtectionOrders")]
public sealed class ProtectionOrders : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ProtectionOrders", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Kind = t.Column<string>(maxLength: 10, nullable: false),
            AreaId = t.Column<int>(nullable: false),
            IssuedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            VictimPersonId = t.Column<int>(nullable: false),
            PerpetratorPersonId = t.Column<int>(nullable: false),
            ProtectedPremises = t.Column<string>(maxLength: 500, nullable: true),
            Terms = t.Column<string>(maxLength: 4000, nullable: false),
            Breaches = t.Column<string>(maxLength: 4000, nullable: true),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProtectionOrders", x => x.Id);
            t.ForeignKey("FK_ProtectionOrders_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProtectionOrders_People_VictimPersonId", x => x.VictimPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProtectionOrders_People_PerpetratorPersonId", x => x.PerpetratorPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ProtectionOrders_AspNetUsers_RecordedByUserId", x => x.RecordedByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ProtectionOrders_AreaId_IssuedAt", "ProtectionOrders", ["AreaId", "IssuedAt"]);
        m.CreateIndex("IX_ProtectionOrders_VictimPersonId", "ProtectionOrders", "VictimPersonId");
        m.CreateIndex("IX_ProtectionOrders_PerpetratorPersonId", "ProtectionOrders", "PerpetratorPersonId");
        m.CreateIndex("IX_ProtectionOrders_RecordedByUserId", "ProtectionOrders", "RecordedByUserId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("ProtectionOrders");
}
