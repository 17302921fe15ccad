using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>The one action log (DRAMM now, MARAC next): owner agency and person, due date, status, dated updates.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130180000_CaseActions")]
public sealed class CaseActions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("CaseActions", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Source = t.Column<string>(maxLength: 20, nullable: false),
            SourceId = t.Column<int>(nullable: false),
            Reference = t.Column<string>(maxLength: 30, nullable: false),
            AreaId = t.Column<int>(nullable: false),
            OwnerAgencyId = t.Column<int>(nullable: false),
            OwnerUserId = t.Column<string>(maxLength: 450, nullable: false),
            Description = t.Column<string>(maxLength: 2000, nullable: false),
            DueOn = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: 30, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            CompletedAt = t.Column<DateTime>(nullable: true),
            CompletionEvidence = t.Column<string>(maxLength: 2000, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CaseActions", x => x.Id);
            t.ForeignKey("FK_CaseActions_Agencies_OwnerAgencyId", x => x.OwnerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_CaseActions_AspNetUsers_OwnerUserId", x => x.OwnerUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_CaseActions_Owner", "CaseActions", ["OwnerAgencyId", "Status", "DueOn"]);
        m.CreateIndex("IX_CaseActions_Source", "CaseActions", ["Source", "SourceId"]);
        m.CreateIndex("IX_CaseActions_OwnerUserId", "CaseActions", "OwnerUserId");

        m.CreateTable("ActionUpdates", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ActionId = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Status = t.Column<string>(maxLength: 30, nullable: false),
            Note = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionUpdates", x => x.Id);
            t.ForeignKey("FK_ActionUpdates_CaseActions_ActionId", x => x.ActionId, "CaseActions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ActionUpdates_ActionId", "ActionUpdates", "ActionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ActionUpdates");
        m.DropTable("CaseActions");
    }
}
