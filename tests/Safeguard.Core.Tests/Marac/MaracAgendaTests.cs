using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Marac;

namespace Safeguard.Core.Tests.Marac;

/// <summary>Building, re-building, moving and removing cases on a meeting's agenda, and the agenda fixed at release.</summary>
public sealed class MaracAgendaTests : MaracFixture
{
    [Fact]
    public async Task A_meeting_is_set_up_only_on_a_schedule_date_and_once_with_the_invited_agencies_as_its_attendance()
    {
        await Db(async db =>
        {
            db.MaracInvitedAgencies.Add(new MaracInvitedAgency { AreaId = Org.AreaA, AgencyId = Org.Agency });
            return await db.SaveChangesAsync();
        });
        var wrongDay = await WithAsync<Result<MaracMeeting>, MaracMeetings>(m => m.SetUpAsync(Org.AreaA, Thursday.AddDays(1)));
        AssertError(wrongDay, "Date");

        var meeting = await SetUpAsync(Thursday);
        Assert.Equal(new DateTime(2026, 12, 10, 9, 30, 0), meeting.StartsAtUtc);
        Assert.Equal(new DateTime(2026, 12, 4, 17, 0, 0), meeting.PackReleaseByUtc);
        var attendance = await Db(db => db.MaracAttendance.Where(a => a.MeetingId == meeting.Id).ToListAsync());
        Assert.Equal([(Org.Agency, AttendanceStatus.NotRecorded)], attendance.Select(a => (a.AgencyId, a.Status)));
        AssertError(await WithAsync<Result<MaracMeeting>, MaracMeetings>(m => m.SetUpAsync(Org.AreaA, Thursday)), "Date");
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.meeting-set-up")));
    }

    [Fact]
    public async Task The_agenda_takes_the_areas_waiting_cases_in_the_protocols_order_with_times_from_the_schedules_minutes()
    {
        await ReferAsync("FULL-1", MaracCategory.FullDiscussion, On(11, 20));
        await ReferAsync("CLARE-1", MaracCategory.ClaresLaw, On(11, 25));
        await ReferAsync("UPDATE-1", MaracCategory.SignificantUpdate, On(11, 18));
        await ReferAsync("INFO-1", MaracCategory.InformationOnly, On(11, 26));
        await ReferAsync("FULL-0", MaracCategory.FullDiscussion, On(11, 19));
        await ReferAsync("ELSEWHERE", MaracCategory.FullDiscussion, On(11, 19), area: Org.AreaB);
        var meeting = await SetUpAsync(Thursday);

        var built = await BuildAsync(meeting.Id);

        Assert.Equal(["CLARE-1", "INFO-1", "UPDATE-1", "FULL-0", "FULL-1"], await AgendaAsync(meeting.Id));
        var times = MaracAgenda.Times(built, built.Cases).Select(t => MaracPackReader.Time(t.StartsAtUtc));
        Assert.Equal(["09:30", "09:35", "09:40", "09:50", "10:05"], times);
        Assert.Equal(1, await Db(db => db.MaracReferrals.CountAsync(r => r.MeetingId == null)));
        Assert.True(await Db(db => db.AuditEvents.AnyAsync(e => e.Action == "marac.agenda-built" && e.RecordId == meeting.Id.ToString())));
    }

    [Fact]
    public async Task Rebuilding_adds_what_arrived_since_where_the_rules_put_it_and_keeps_the_coordinators_moves()
    {
        await ReferAsync("CLARE-1", MaracCategory.ClaresLaw, On(11, 20));
        await ReferAsync("FULL-1", MaracCategory.FullDiscussion, On(11, 20));
        await ReferAsync("FULL-2", MaracCategory.FullDiscussion, On(11, 22));
        var meeting = await SetUpAsync(Thursday);
        var built = await BuildAsync(meeting.Id);
        var full2 = built.Cases.Single(c => c.Reference == "FULL-2").Id;

        var moved = await WithAsync<Result<MaracCase>, MaracAgenda>(a => a.MoveAsync(full2, 1, "The IDVA can only attend the first hour"));
        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors));
        Assert.Equal(["FULL-2", "CLARE-1", "FULL-1"], await AgendaAsync(meeting.Id));

        await ReferAsync("INFO-1", MaracCategory.InformationOnly, On(11, 27));
        await ReferAsync("FULL-3", MaracCategory.FullDiscussion, On(11, 19));
        await BuildAsync(meeting.Id);

        Assert.Equal(["FULL-2", "CLARE-1", "INFO-1", "FULL-3", "FULL-1"], await AgendaAsync(meeting.Id));
        Assert.Equal("The IDVA can only attend the first hour", (await Db(db => db.MaracCases.SingleAsync(c => c.Id == full2))).ReorderReason);

        // The reason may name people: the permanent audit trail says only that one was given.
        var audited = await Db(db => db.AuditEvents.SingleAsync(e => e.Action == "marac.case-moved"));
        Assert.DoesNotContain("IDVA", audited.After);
        Assert.Contains("\"ReasonGiven\":true", audited.After);
    }

    [Fact]
    public async Task Moving_or_removing_needs_a_reason_and_a_removed_case_waits_for_the_next_meeting()
    {
        await ReferAsync("A", MaracCategory.FullDiscussion, On(11, 20));
        await ReferAsync("B", MaracCategory.FullDiscussion, On(11, 21));
        var meeting = await SetUpAsync(Thursday);
        var built = await BuildAsync(meeting.Id);
        var a = built.Cases.Single(c => c.Reference == "A").Id;

        AssertError(await WithAsync<Result<MaracCase>, MaracAgenda>(x => x.MoveAsync(a, 2, " ")), "Reason");
        AssertError(await WithAsync<Result<MaracCase>, MaracAgenda>(x => x.MoveAsync(a, 3, "Late")), "Position");
        AssertError(await WithAsync<Result<MaracMeeting>, MaracAgenda>(x => x.RemoveAsync(a, null)), "Reason");
        Assert.Equal(["A", "B"], await AgendaAsync(meeting.Id));

        var removed = await WithAsync<Result<MaracMeeting>, MaracAgenda>(x => x.RemoveAsync(a, "Victim moved out of the area; transferring out"));
        Assert.True(removed.Succeeded, string.Join("; ", removed.Errors));
        Assert.Equal(["B"], await AgendaAsync(meeting.Id));
        Assert.Equal(1, (await Db(db => db.MaracCases.SingleAsync(c => c.MeetingId == meeting.Id))).Position);
        Assert.Null((await Db(db => db.MaracReferrals.SingleAsync(r => r.Reference == "A"))).MeetingId);
        var audited = await Db(db => db.AuditEvents.SingleAsync(e => e.Action == "marac.case-removed"));
        Assert.Equal("A", audited.Summary);

        // The reason is kept on the referral, not in the permanent audit trail: it may name people.
        Assert.Equal("Victim moved out of the area; transferring out", (await Db(db => db.MaracReferrals.SingleAsync(r => r.Reference == "A"))).RemovedReason);
        Assert.DoesNotContain("transferring", audited.After);
        Assert.Contains("\"ReasonGiven\":true", audited.After);
    }

    [Fact]
    public async Task Once_the_pack_is_released_the_agenda_is_fixed()
    {
        await ReferAsync("A", MaracCategory.FullDiscussion, On(11, 20));
        var meeting = await SetUpAsync(Thursday);
        AssertError(await WithAsync<Result<MaracMeeting>, MaracPackRelease>(r => r.ReleaseAsync(meeting.Id)), "Release");
        var built = await BuildAsync(meeting.Id);
        var released = await WithAsync<Result<MaracMeeting>, MaracPackRelease>(r => r.ReleaseAsync(meeting.Id));
        Assert.True(released.Succeeded, string.Join("; ", released.Errors));
        AssertError(await WithAsync<Result<MaracMeeting>, MaracPackRelease>(r => r.ReleaseAsync(meeting.Id)), "Release");

        await ReferAsync("LATE", MaracCategory.ClaresLaw, On(11, 29));
        AssertError(await WithAsync<Result<MaracMeeting>, MaracAgenda>(a => a.BuildAsync(meeting.Id)), "Agenda");
        var a = built.Cases.Single().Id;
        AssertError(await WithAsync<Result<MaracCase>, MaracAgenda>(x => x.MoveAsync(a, 1, "Reason")), "Agenda");
        AssertError(await WithAsync<Result<MaracMeeting>, MaracAgenda>(x => x.RemoveAsync(a, "Reason")), "Agenda");
        Assert.Equal(["A"], await AgendaAsync(meeting.Id));
        Assert.Null((await Db(db => db.MaracReferrals.SingleAsync(r => r.Reference == "LATE"))).MeetingId);
    }

    [Fact]
    public async Task Victims_last_heard_about_twelve_months_before_are_listed_once_and_not_as_agenda_cases()
    {
        int v1 = 9001, v2 = 9002, v3 = 9003;
        var thirteenth = await SetUpAsync(new DateOnly(2025, 11, 13));
        await ReferAsync("OLDER", MaracCategory.FullDiscussion, new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc), victim: v3);

        // v1 was also heard before the window: only the last hearing counts, whichever meetings are read.
        await ReferAsync("V1-EARLIER", MaracCategory.FullDiscussion, new DateTime(2025, 11, 2, 0, 0, 0, DateTimeKind.Utc), victim: v1);
        await BuildAsync(thirteenth.Id);
        var twentySeventh = await SetUpAsync(new DateOnly(2025, 11, 27));
        await ReferAsync("YEAR-AGO", MaracCategory.FullDiscussion, new DateTime(2025, 11, 20, 0, 0, 0, DateTimeKind.Utc), victim: v1);
        await ReferAsync("HEARD-AGAIN", MaracCategory.FullDiscussion, new DateTime(2025, 11, 20, 0, 0, 0, DateTimeKind.Utc), victim: v2);
        await BuildAsync(twentySeventh.Id);
        var march = await SetUpAsync(new DateOnly(2026, 3, 19));
        await ReferAsync("REPEAT", MaracCategory.SignificantUpdate, new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), victim: v2);
        await BuildAsync(march.Id);

        var meeting = await SetUpAsync(Thursday);
        var notices = await WithAsync<IReadOnlyList<TwelveMonthNotice>, MaracAgenda>(a => a.TwelveMonthNoticesAsync(meeting));

        Assert.Equal([(v1, "YEAR-AGO", new DateOnly(2025, 11, 27))], notices.Select(n => (n.VictimPersonId, n.Reference, n.LastHeard)));
        await BuildAsync(meeting.Id);
        Assert.Empty(await AgendaAsync(meeting.Id));
    }
}
