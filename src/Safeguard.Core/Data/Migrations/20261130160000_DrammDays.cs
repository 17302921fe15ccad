using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Each area's DRAMM days and times, where they differ from the protocol's.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130160000_DrammDays")]
public sealed class DrammDays : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("DrammDays", t => new
        {
            AreaId = t.Column<int>(nullable: false),
            Day = t.Column<string>(maxLength: 10, nullable: false),
            ReleaseBy = t.Column<TimeOnly>(nullable: false),
            MeetsAt = t.Column<TimeOnly>(nullable: false),
            Meets = t.Column<bool>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammDays", x => new { x.AreaId, x.Day });
            t.ForeignKey("FK_DrammDays_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("DrammDays");
}
