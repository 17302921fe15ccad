using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>MARAC: each area's schedule and invited agencies, the queue of referred cases, meetings and their agendas,
/// attendance, each agency's information, and the minutes with their versions and corrections.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261201090000_Marac")]
public sealed class Marac : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("MaracSchedules", t => new
        {
            AreaId = t.Column<int>(nullable: false),
            FirstMeeting = t.Column<DateOnly>(nullable: false),
            IntervalDays = t.Column<int>(nullable: false),
            StartsAt = t.Column<TimeOnly>(nullable: false),
            PackReleaseDay = t.Column<string>(maxLength: 10, nullable: false),
            PackReleaseAt = t.Column<TimeOnly>(nullable: false),
            MinutesClaresLaw = t.Column<int>(nullable: false),
            MinutesInformationOnly = t.Column<int>(nullable: false),
            MinutesSignificantUpdate = t.Column<int>(nullable: false),
            MinutesFullDiscussion = t.Column<int>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracSchedules", x => x.AreaId);
            t.ForeignKey("FK_MaracSchedules_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("MaracInvitedAgencies", t => new
        {
            AreaId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracInvitedAgencies", x => new { x.AreaId, x.AgencyId });
            t.ForeignKey("FK_MaracInvitedAgencies_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaracInvitedAgencies_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MaracInvitedAgencies_AgencyId", "MaracInvitedAgencies", "AgencyId");

        m.CreateTable("MaracMeetings", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AreaId = t.Column<int>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            StartsAtUtc = t.Column<DateTime>(nullable: false),
            PackReleaseByUtc = t.Column<DateTime>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            AgendaBuiltAt = t.Column<DateTime>(nullable: true),
            PackReleasedAt = t.Column<DateTime>(nullable: true),
            PackReleasedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            OpenedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracMeetings", x => x.Id);
            t.ForeignKey("FK_MaracMeetings_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_MaracMeetings_Area_Date", "MaracMeetings", ["AreaId", "Date"], unique: true);

        m.CreateTable("MaracReferrals", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            AreaId = t.Column<int>(nullable: false),
            Source = t.Column<string>(maxLength: 30, nullable: false),
            Category = t.Column<string>(maxLength: 30, nullable: false),
            ReferredAt = t.Column<DateTime>(nullable: false),
            Reference = t.Column<string>(maxLength: 30, nullable: false),
            ReferralId = t.Column<int>(nullable: true),
            DrammCaseId = t.Column<int>(nullable: true),
            DisclosureApplicationId = t.Column<int>(nullable: true),
            VictimPersonId = t.Column<int>(nullable: true),
            ChildrenLinked = t.Column<bool>(nullable: false),
            MeetingId = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracReferrals", x => x.Id);
            t.ForeignKey("FK_MaracReferrals_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_MaracReferrals_MaracMeetings_MeetingId", x => x.MeetingId, "MaracMeetings", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_MaracReferrals_Area_Meeting", "MaracReferrals", ["AreaId", "MeetingId"]);
        m.CreateIndex("IX_MaracReferrals_DrammCaseId", "MaracReferrals", "DrammCaseId");
        m.CreateIndex("IX_MaracReferrals_ReferralId", "MaracReferrals", "ReferralId");
        m.CreateIndex("IX_MaracReferrals_DisclosureApplicationId", "MaracReferrals", "DisclosureApplicationId");
        m.CreateIndex("IX_MaracReferrals_VictimPersonId", "MaracReferrals", "VictimPersonId");
        m.CreateIndex("IX_MaracReferrals_MeetingId", "MaracReferrals", "MeetingId");

        m.CreateTable("MaracCases", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            MaracReferralId = t.Column<int>(nullable: false),
            Reference = t.Column<string>(maxLength: 30, nullable: false),
            Category = t.Column<string>(maxLength: 30, nullable: false),
            ReferredAt = t.Column<DateTime>(nullable: false),
            ChildrenLinked = t.Column<bool>(nullable: false),
            VictimPersonId = t.Column<int>(nullable: true),
            Position = t.Column<int>(nullable: false),
            Minutes = t.Column<int>(nullable: false),
            ReorderReason = t.Column<string>(maxLength: 1000, nullable: true),
            VictimViews = t.Column<string>(maxLength: 8000, nullable: true),
            RiskSummary = t.Column<string>(maxLength: 8000, nullable: true),
            DiscussedAt = t.Column<DateTime>(nullable: true),
            DiscussedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracCases", x => x.Id);
            t.ForeignKey("FK_MaracCases_MaracMeetings_MeetingId", x => x.MeetingId, "MaracMeetings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaracCases_MaracReferrals_MaracReferralId", x => x.MaracReferralId, "MaracReferrals", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_MaracCases_Meeting_Referral", "MaracCases", ["MeetingId", "MaracReferralId"], unique: true);
        m.CreateIndex("IX_MaracCases_MaracReferralId", "MaracCases", "MaracReferralId");
        m.CreateIndex("IX_MaracCases_VictimPersonId", "MaracCases", "VictimPersonId");

        m.CreateTable("MaracAttendance", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Representative = t.Column<string>(maxLength: 200, nullable: true),
            WrittenInformation = t.Column<string>(maxLength: 8000, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracAttendance", x => x.Id);
            t.ForeignKey("FK_MaracAttendance_MaracMeetings_MeetingId", x => x.MeetingId, "MaracMeetings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaracAttendance_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_MaracAttendance_Meeting_Agency", "MaracAttendance", ["MeetingId", "AgencyId"], unique: true);
        m.CreateIndex("IX_MaracAttendance_AgencyId", "MaracAttendance", "AgencyId");

        m.CreateTable("MaracAttendees", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            UserId = t.Column<string>(maxLength: 450, nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            AcknowledgedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracAttendees", x => x.Id);
            t.ForeignKey("FK_MaracAttendees_MaracMeetings_MeetingId", x => x.MeetingId, "MaracMeetings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaracAttendees_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_MaracAttendees_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_MaracAttendees_Meeting_User", "MaracAttendees", ["MeetingId", "UserId"], unique: true);
        m.CreateIndex("IX_MaracAttendees_UserId", "MaracAttendees", "UserId");
        m.CreateIndex("IX_MaracAttendees_AgencyId", "MaracAttendees", "AgencyId");

        m.CreateTable("MaracCaseInformation", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            CaseId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            Known = t.Column<bool>(nullable: false),
            Involvement = t.Column<string>(maxLength: 20, nullable: true),
            Summary = t.Column<string>(maxLength: 8000, nullable: true),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracCaseInformation", x => x.Id);
            t.ForeignKey("FK_MaracCaseInformation_MaracCases_CaseId", x => x.CaseId, "MaracCases", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaracCaseInformation_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_MaracCaseInformation_Case_Agency", "MaracCaseInformation", ["CaseId", "AgencyId"], unique: true);
        m.CreateIndex("IX_MaracCaseInformation_AgencyId", "MaracCaseInformation", "AgencyId");

        m.CreateTable("MaracMinutesVersions", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Document = t.Column<byte[]>(nullable: false),
            ChangeNote = t.Column<string>(maxLength: 2000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            ReleasedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracMinutesVersions", x => x.Id);
            t.ForeignKey("FK_MaracMinutesVersions_MaracMeetings_MeetingId", x => x.MeetingId, "MaracMeetings", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_MaracMinutesVersions_Meeting_Number", "MaracMinutesVersions", ["MeetingId", "Number"], unique: true);

        m.CreateTable("MaracMinutesCorrections", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            MeetingId = t.Column<int>(nullable: false),
            VersionNumber = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            ProposedByUserId = t.Column<string>(maxLength: 450, nullable: false),
            ProposedAt = t.Column<DateTime>(nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Response = t.Column<string>(maxLength: 2000, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecidedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            AcceptedIntoVersion = t.Column<int>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MaracMinutesCorrections", x => x.Id);
            t.ForeignKey("FK_MaracMinutesCorrections_MaracMeetings_MeetingId", x => x.MeetingId, "MaracMeetings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MaracMinutesCorrections_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_MaracMinutesCorrections_Meeting_Status", "MaracMinutesCorrections", ["MeetingId", "Status"]);
        m.CreateIndex("IX_MaracMinutesCorrections_AgencyId", "MaracMinutesCorrections", "AgencyId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("MaracMinutesCorrections");
        m.DropTable("MaracMinutesVersions");
        m.DropTable("MaracCaseInformation");
        m.DropTable("MaracAttendees");
        m.DropTable("MaracAttendance");
        m.DropTable("MaracCases");
        m.DropTable("MaracReferrals");
        m.DropTable("MaracMeetings");
        m.DropTable("MaracInvitedAgencies");
        m.DropTable("MaracSchedules");
    }
}
