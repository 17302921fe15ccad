using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Each day's DRAMM in an area, every possible case found for it (on the list or not, with the reason), the
/// agencies that attend each area's DRAMM and those each meeting's cases went to.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130170000_DrammMeetings")]
public sealed class DrammMeetings : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("DrammMeetings", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AreaId = t.Column<int>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            ReleaseByUtc = t.Column<DateTime>(nullable: false),
            MeetsAtUtc = t.Column<DateTime>(nullable: false),
            WindowFromUtc = t.Column<DateTime>(nullable: false),
            WindowToUtc = t.Column<DateTime>(nullable: false),
            PreparedAt = t.Column<DateTime>(nullable: false),
            PreparedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            MinutesReleasedAt = t.Column<DateTime>(nullable: true),
            MinutesReleasedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammMeetings", x => x.Id);
            t.ForeignKey("FK_DrammMeetings_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DrammMeetings_Area_Date", "DrammMeetings", ["AreaId", "Date"], unique: true);

        m.CreateTable("DrammCases", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            Source = t.Column<string>(maxLength: 30, nullable: false),
            Record = t.Column<string>(maxLength: 30, nullable: false),
            RecordId = t.Column<int>(nullable: false),
            Reference = t.Column<string>(maxLength: 30, nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Risk = t.Column<string>(maxLength: 20, nullable: true),
            ChildrenLinked = t.Column<bool>(nullable: false),
            VictimConsented = t.Column<bool>(nullable: false),
            IsMaracRepeat = t.Column<bool>(nullable: false),
            Eligible = t.Column<bool>(nullable: false),
            Reason = t.Column<string>(maxLength: 200, nullable: false),
            Group = t.Column<string>(maxLength: 30, nullable: true),
            OnList = t.Column<bool>(nullable: false),
            OverruledReason = t.Column<string>(maxLength: 1000, nullable: true),
            OverruledByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Position = t.Column<int>(nullable: false),
            ChildrenConfirmed = t.Column<bool>(nullable: true),
            DetailsConfirmed = t.Column<bool>(nullable: true),
            AgreedRisk = t.Column<string>(maxLength: 20, nullable: true),
            RiskRationale = t.Column<string>(maxLength: 4000, nullable: true),
            Decision = t.Column<string>(maxLength: 30, nullable: true),
            DecisionRationale = t.Column<string>(maxLength: 4000, nullable: true),
            OutcomeRecordedAt = t.Column<DateTime>(nullable: true),
            OutcomeRecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammCases", x => x.Id);
            t.ForeignKey("FK_DrammCases_DrammMeetings_MeetingId", x => x.MeetingId, "DrammMeetings", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DrammCases_Meeting_Record", "DrammCases", ["MeetingId", "Record", "RecordId"], unique: true);

        m.CreateTable("DrammAgencies", t => new
        {
            AreaId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammAgencies", x => new { x.AreaId, x.AgencyId });
            t.ForeignKey("FK_DrammAgencies_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_DrammAgencies_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DrammAgencies_AgencyId", "DrammAgencies", "AgencyId");

        m.CreateTable("DrammMeetingAgencies", t => new
        {
            MeetingId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammMeetingAgencies", x => new { x.MeetingId, x.AgencyId });
            t.ForeignKey("FK_DrammMeetingAgencies_DrammMeetings_MeetingId", x => x.MeetingId, "DrammMeetings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_DrammMeetingAgencies_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DrammMeetingAgencies_AgencyId", "DrammMeetingAgencies", "AgencyId");

        m.CreateTable("DrammAgencyInformation", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            CaseId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            Known = t.Column<bool>(nullable: false),
            Involvement = t.Column<string>(maxLength: 20, nullable: true),
            Summary = t.Column<string>(maxLength: 4000, nullable: true),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammAgencyInformation", x => x.Id);
            t.ForeignKey("FK_DrammAgencyInformation_DrammCases_CaseId", x => x.CaseId, "DrammCases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_DrammAgencyInformation_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DrammAgencyInformation_Case_Agency", "DrammAgencyInformation", ["CaseId", "AgencyId"], unique: true);
        m.CreateIndex("IX_DrammAgencyInformation_AgencyId", "DrammAgencyInformation", "AgencyId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("DrammAgencyInformation");
        m.DropTable("DrammMeetingAgencies");
        m.DropTable("DrammAgencies");
        m.DropTable("DrammCases");
        m.DropTable("DrammMeetings");
    }
}
