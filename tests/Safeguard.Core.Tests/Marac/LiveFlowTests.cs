using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;

namespace Safeguard.Core.Tests.Marac;

/// <summary>The meeting, live: open, attendance, confidentiality, the earlier actions first, each case, close.</summary>
public sealed class LiveFlowTests : LiveFixture
{
    [Fact]
    public async Task The_meeting_opens_only_after_the_pack_on_its_day_and_closes_once_every_case_has_a_risk_summary()
    {
        var (meeting, cases) = await MeetingAsync();
        var (unreleased, _) = await MeetingAsync(day: MeetingDay.AddDays(14), cases: 1, released: false);

        var early = await Live(l => l.OpenAsync(meeting));
        Assert.Equal("The meeting can be opened on its day, 3 December 2026", Assert.Single(early.Errors).Message);
        Host.Clock.Set(OnTheDay.AddDays(14));
        Assert.Equal("Release the pack to the agencies before opening the meeting", Assert.Single((await Live(l => l.OpenAsync(unreleased))).Errors).Message);

        Host.Clock.Set(OnTheDay);
        var closedEarly = await Live(l => l.CloseAsync(meeting));
        Assert.Equal("Open the meeting before closing it", Assert.Single(closedEarly.Errors).Message);
        var notYet = await Record(r => r.SaveCaseAsync(cases[0], new CaseRecordInput("Wants to stay", null, 1)));
        Assert.Equal("Open the meeting before recording what it said about a case", Assert.Single(notYet.Errors).Message);

        var opened = await Live(l => l.OpenAsync(meeting));
        Assert.True(opened.Succeeded, string.Join("; ", opened.Errors));
        Assert.Equal(OnTheDay.UtcDateTime, opened.Value!.OpenedAt);
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.meeting-opened" && e.RecordId == Name(meeting))));

        // Attendance: present needs a name; an absent agency's apologies carry its written information.
        var nameless = await Live(l => l.RecordAttendanceAsync(meeting, Org.Agency, new AttendanceInput(AttendanceStatus.Present, " ", null, 1)));
        Assert.Equal("Representative", Assert.Single(nameless.Errors).Field);
        Assert.True((await Live(l => l.RecordAttendanceAsync(meeting, Org.Agency, new AttendanceInput(AttendanceStatus.Present, "DS Pat Police", null, 1)))).Succeeded);
        var apologies = await Live(l => l.RecordAttendanceAsync(meeting, Housing, new AttendanceInput(AttendanceStatus.Apologies, null, "Tenancy held jointly; no arrears", 1)));
        Assert.True(apologies.Succeeded, string.Join("; ", apologies.Errors));
        var stale = await Live(l => l.RecordAttendanceAsync(meeting, Housing, new AttendanceInput(AttendanceStatus.Present, "Someone", null, 1)));
        Assert.Equal(MaracLive.StaleAttendanceMessage, Assert.Single(stale.Errors).Message);
        Assert.Equal("That agency was not invited to this meeting",
            Assert.Single((await Live(l => l.RecordAttendanceAsync(meeting, Health, new AttendanceInput(AttendanceStatus.Present, "Dr Who", null, 1)))).Errors).Message);
        var housingRow = await Db(db => db.MaracAttendance.SingleAsync(a => a.MeetingId == meeting && a.AgencyId == Housing));
        Assert.Equal((AttendanceStatus.Apologies, "Tenancy held jointly; no arrears"), (housingRow.Status, housingRow.WrittenInformation));

        // Confidentiality: once per person, and only for an invited agency or the people running the meeting.
        Assert.True((await Live(l => l.AcknowledgeConfidentialityAsync(meeting, PoliceOfficer, Org.Agency, false))).Succeeded);
        Assert.True((await Live(l => l.AcknowledgeConfidentialityAsync(meeting, PoliceOfficer, Org.Agency, false))).Succeeded);
        Assert.Equal("Your agency was not invited to this meeting",
            Assert.Single((await Live(l => l.AcknowledgeConfidentialityAsync(meeting, HousingOfficer, Health, false))).Errors).Message);
        Assert.Equal(1, await Db(db => db.MaracAttendees.CountAsync(a => a.MeetingId == meeting)));
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.confidentiality-acknowledged")));

        // Each case: the victim's views, then the chair's summary of the risks.
        var views = await Record(r => r.SaveCaseAsync(cases[0], new CaseRecordInput("Wants to stay in the home with the locks changed", null, 1)));
        Assert.True(views.Succeeded, string.Join("; ", views.Errors));
        var risks = await Record(r => r.SaveCaseAsync(cases[0], new CaseRecordInput(views.Value!.VictimViews, "Escalating; threats to kill", views.Value.Version)));
        Assert.True(risks.Succeeded, string.Join("; ", risks.Errors));
        var first = await Db(db => db.MaracCases.SingleAsync(c => c.Id == cases[0]));
        Assert.Equal((OnTheDay.UtcDateTime, Coordinator, 3), (first.DiscussedAt!.Value, first.DiscussedByUserId!, first.Version));

        var refused = await Live(l => l.CloseAsync(meeting));
        var ref2 = await Db(db => db.MaracCases.Where(c => c.Id == cases[1]).Select(c => c.Reference).SingleAsync());
        Assert.Equal($"Record the chair's summary of the risks for {ref2} before closing the meeting", Assert.Single(refused.Errors).Message);
        Assert.True((await Record(r => r.SaveCaseAsync(cases[1], new CaseRecordInput(null, "Standard risk now: partner in custody", 1)))).Succeeded);
        var closed = await Live(l => l.CloseAsync(meeting));
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors));
        Assert.NotNull((await Db(db => db.MaracMeetings.SingleAsync(m => m.Id == meeting))).ClosedAt);
        Assert.Equal("This meeting has closed: propose a correction to the minutes instead",
            Assert.Single((await Record(r => r.SaveCaseAsync(cases[1], new CaseRecordInput(null, "Changed", 2)))).Errors).Message);
        Assert.Equal(3, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.case-saved")));
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.meeting-closed")));
    }

    [Fact]
    public async Task A_stale_second_save_is_refused_naming_who_saved_and_the_first_is_kept()
    {
        var (meeting, cases) = await MeetingAsync();
        Host.Clock.Set(OnTheDay);
        Assert.True((await Live(l => l.OpenAsync(meeting))).Succeeded);

        var chair = await Record(r => r.SaveCaseAsync(cases[0], new CaseRecordInput("She wants the perpetrator's bail conditions kept", "High: strangulation", 1)));
        Assert.True(chair.Succeeded, string.Join("; ", chair.Errors));
        var second = await Record(r => r.SaveCaseAsync(cases[0], new CaseRecordInput("Other text", "Other summary", 1)), HousingOfficer);
        var error = Assert.Single(second.Errors);
        Assert.Equal("VictimViews", error.Field);
        Assert.StartsWith("Morgan Marac saved this case while you were working on it.", error.Message);
        var kept = await Db(db => db.MaracCases.SingleAsync(c => c.Id == cases[0]));
        Assert.Equal(("She wants the perpetrator's bail conditions kept", "High: strangulation"), (kept.VictimViews, kept.RiskSummary));

        var empty = await Record(r => r.SaveCaseAsync(cases[0], new CaseRecordInput(" ", "", 2)));
        Assert.Equal("Enter the victim's views or the chair's summary of the risks", Assert.Single(empty.Errors).Message);
    }

    [Fact]
    public async Task An_agency_records_its_own_information_before_the_meeting_and_the_coordinator_for_an_agency_only_during_it()
    {
        var (meeting, cases) = await MeetingAsync();
        var before = await Record(r => r.SaveAgencyInformationAsync(cases[0], Housing, new MaracInformationInput(true, null, null, null), false), HousingOfficer);
        Assert.Equal(["Involvement", "Summary"], before.Errors.Select(e => e.Field));
        var saved = await Record(r => r.SaveAgencyInformationAsync(cases[0], Housing, new MaracInformationInput(true, Involvement.Open, "Tenancy support open", null), false), HousingOfficer);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));

        var stale = await Record(r => r.SaveAgencyInformationAsync(cases[0], Housing, new MaracInformationInput(false, null, null, null), false), HousingOfficer);
        Assert.Equal(MaracCaseRecord.StaleInformationMessage, Assert.Single(stale.Errors).Message);
        var notInvited = await Record(r => r.SaveAgencyInformationAsync(cases[0], Health, new MaracInformationInput(false, null, null, null), false));
        Assert.Equal("That agency was not invited to this meeting", Assert.Single(notInvited.Errors).Message);
        var forPoliceEarly = await Record(r => r.SaveAgencyInformationAsync(cases[0], Org.Agency, new MaracInformationInput(false, null, null, null), true));
        Assert.Equal("Open the meeting before recording an agency's information for it", Assert.Single(forPoliceEarly.Errors).Message);

        Host.Clock.Set(OnTheDay);
        Assert.True((await Live(l => l.OpenAsync(meeting))).Succeeded);
        Assert.True((await Record(r => r.SaveAgencyInformationAsync(cases[0], Org.Agency, new MaracInformationInput(true, Involvement.Historic, "Two call-outs in 2025", null), true))).Succeeded);

        var view = (await Record(r => r.LoadAsync(cases[0])))!;
        Assert.Equal([("Testshire Homes", "Tenancy support open"), ("Testshire Police", "Two call-outs in 2025")], view.Information.Select(i => (i.Agency, i.Information.Summary!)));
        Assert.Equal(["Testshire Homes", "Testshire Police"], view.Agencies.Select(a => a.Name));
        Assert.Equal(2, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.information-recorded" && e.RecordId == Name(cases[0]))));
    }
}
