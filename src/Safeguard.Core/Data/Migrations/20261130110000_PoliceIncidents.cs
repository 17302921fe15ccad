using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Police incidents for the daily DRAMM, unique by force and incident reference, and the uploads held for
/// preview until the user confirms them.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130110000_PoliceIncidents")]
public sealed class PoliceIncidents : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("IncidentImports", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Token = t.Column<string>(maxLength: 32, nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            UploadedByUserId = t.Column<string>(maxLength: 450, nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            DataRows = t.Column<int>(nullable: false),
            GoodRows = t.Column<int>(nullable: false),
            BadRows = t.Column<int>(nullable: false),
            DuplicateRows = t.Column<int>(nullable: false),
            ImportedRows = t.Column<int>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_IncidentImports", x => x.Id);
            t.ForeignKey("FK_IncidentImports_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_IncidentImports_AspNetUsers_UploadedByUserId", x => x.UploadedByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_IncidentImports_Token", "IncidentImports", "Token", unique: true);
        m.CreateIndex("IX_IncidentImports_AgencyId", "IncidentImports", "AgencyId");
        m.CreateIndex("IX_IncidentImports_UploadedByUserId", "IncidentImports", "UploadedByUserId");

        m.CreateTable("PoliceIncidents", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AgencyId = t.Column<int>(nullable: false),
            IncidentReference = t.Column<string>(maxLength: 50, nullable: false),
            AreaId = t.Column<int>(nullable: false),
            OccurredAt = t.Column<DateTime>(nullable: false),
            ReportedAt = t.Column<DateTime>(nullable: false),
            RiskLevel = t.Column<string>(maxLength: 20, nullable: false),
            DashYesCount = t.Column<int>(nullable: true),
            VictimPersonId = t.Column<int>(nullable: false),
            PerpetratorPersonId = t.Column<int>(nullable: true),
            ChildrenLinked = t.Column<bool>(nullable: false),
            ChildrenCount = t.Column<int>(nullable: true),
            VictimConsented = t.Column<bool>(nullable: false),
            Summary = t.Column<string>(maxLength: 1000, nullable: false),
            OfficerCollarNumber = t.Column<string>(maxLength: 20, nullable: false),
            Source = t.Column<string>(maxLength: 20, nullable: false),
            ImportId = t.Column<int>(nullable: true),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PoliceIncidents", x => x.Id);
            t.ForeignKey("FK_PoliceIncidents_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PoliceIncidents_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PoliceIncidents_People_VictimPersonId", x => x.VictimPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PoliceIncidents_People_PerpetratorPersonId", x => x.PerpetratorPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PoliceIncidents_IncidentImports_ImportId", x => x.ImportId, "IncidentImports", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PoliceIncidents_AspNetUsers_RecordedByUserId", x => x.RecordedByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_PoliceIncidents_AgencyId_IncidentReference", "PoliceIncidents", ["AgencyId", "IncidentReference"], unique: true);
        m.CreateIndex("IX_PoliceIncidents_AreaId_OccurredAt", "PoliceIncidents", ["AreaId", "OccurredAt"]);
        m.CreateIndex("IX_PoliceIncidents_OccurredAt", "PoliceIncidents", "OccurredAt");
        m.CreateIndex("IX_PoliceIncidents_VictimPersonId", "PoliceIncidents", "VictimPersonId");
        m.CreateIndex("IX_PoliceIncidents_PerpetratorPersonId", "PoliceIncidents", "PerpetratorPersonId");
        m.CreateIndex("IX_PoliceIncidents_ImportId", "PoliceIncidents", "ImportId");
        m.CreateIndex("IX_PoliceIncidents_RecordedByUserId", "PoliceIncidents", "RecordedByUserId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("PoliceIncidents");
        m.DropTable("IncidentImports");
    }
}
