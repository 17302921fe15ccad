using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>The monthly roll-up of closed disclosure applications that the dashboard reads for whole months
/// (docs/adr/0008). Existing closed work is counted into it at the next startup (<c>FigureCells.EnsureBuiltAsync</c>).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130090000_DisclosureFigureCells")]
public sealed class DisclosureFigureCells : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("FigureCells", t => new
        {
            AreaId = t.Column<int>(nullable: false),
            Month = t.Column<DateOnly>(nullable: false),
            Measure = t.Column<string>(maxLength: 30, nullable: false),
            Scheme = t.Column<string>(maxLength: 20, nullable: false),
            Route = t.Column<string>(maxLength: 20, nullable: false),
            Code = t.Column<string>(maxLength: 30, nullable: false),
            Tenths = t.Column<int>(nullable: false),
            Count = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_FigureCells", x => new { x.AreaId, x.Month, x.Measure, x.Scheme, x.Route, x.Code, x.Tenths }));
        m.CreateIndex("IX_FigureCells_Area", "FigureCells", ["Measure", "AreaId", "Month", "Scheme", "Route", "Code", "Tenths", "Count"]);
        m.CreateIndex("IX_FigureCells_Month", "FigureCells", ["Measure", "Month", "Scheme", "Route", "Code", "Tenths", "Count"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("FigureCells");
}
