using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Each day's DRAMM in an area, and every possible case found for it, on the list or not, with the reason.</summary>
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
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DrammCases", x => x.Id);
            t.ForeignKey("FK_DrammCases_DrammMeetings_MeetingId", x => x.MeetingId, "DrammMeetings", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DrammCases_Meeting_Record", "DrammCases", ["MeetingId", "Record", "RecordId"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("DrammCases");
        m.DropTable("DrammMeetings");
    }
}
