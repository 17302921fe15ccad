using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Common;
using Safeguard.Core.Marac;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Marac;

/// <summary>The live meeting's pages over HTTP: who opens them, the saves, and a stale save.</summary>
[Collection(AppCollection.Name)]
public sealed class LivePagesTests(SafeguardApp app)
{
    /// <summary>
    /// A meeting today in a new area, the pack released a week ago, <paramref name="invited"/> agencies invited and
    /// two cases, written straight to the database (the agenda and pack are another page's work). The test clock runs
    /// at real time for sign-in codes, so the meeting is placed around now rather than the clock moved.
    /// </summary>
    private async Task<(int Area, int Meeting, int[] Cases)> MeetingAsync(params int[] invited)
    {
        var area = await app.NewAreaAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (meeting, cases) = await app.WithDbAsync(async db =>
        {
            var m = new MaracMeeting
            {
                AreaId = area, Date = London.Today(app.Clock), StartsAtUtc = now.AddMinutes(-5), PackReleaseByUtc = now.AddDays(-7), CreatedAt = now.AddDays(-14),
                PackReleasedAt = now.AddDays(-7), Version = 1,
            };
            db.MaracMeetings.Add(m);
            await db.SaveChangesAsync();
            db.MaracAttendance.AddRange(invited.Select(a => new MaracAttendance { MeetingId = m.Id, AgencyId = a, Version = 1 }));
            var ids = new List<int>();
            for (var n = 1; n <= 2; n++)
            {
                var r = new MaracReferral
                {
                    AreaId = area, Source = MaracReferralSource.PartnerReferral, Category = MaracCategory.FullDiscussion, ReferredAt = now.AddDays(-20),
                    Reference = $"LV{m.Id:D5}{n}", MeetingId = m.Id, CreatedAt = now.AddDays(-20),
                };
                db.MaracReferrals.Add(r);
                await db.SaveChangesAsync();
                var c = new MaracCase { MeetingId = m.Id, MaracReferralId = r.Id, Reference = r.Reference, Category = r.Category, ReferredAt = r.ReferredAt, Position = n, Minutes = 10, Version = 1 };
                db.MaracCases.Add(c);
                await db.SaveChangesAsync();
                ids.Add(c.Id);
            }

            return (m.Id, ids.ToArray());
        });
        return (area, meeting, cases);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_coordinator_runs_the_meeting_from_one_screen_and_an_agency_user_cannot_open_it()
    {
        var (area, meeting, cases) = await MeetingAsync(app.AgencyId, app.OtherAgencyId);
        var url = $"/marac/meetings/{meeting}/live";
        var housing = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync(url)).StatusCode);
        var coordinatorUser = await app.CoordinatorAsync(area);
        var coordinator = await app.SignInAsync(coordinatorUser);
        var elsewhere = await app.SignInAsync(await app.CoordinatorAsync(await app.NewAreaAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(url)).StatusCode);

        var page = await coordinator.GetPageAsync(url);
        Assert.Contains("Not open yet", page.QuerySelector("#meeting-status")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("#case-links a").Length);
        Assert.True(await app.AuditedAsync("marac.live-viewed", Id(meeting), coordinatorUser.Id));

        var opened = await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"{url}?case=1#meeting", opened.Location());

        // Attendance: "present" without a name is refused and named; with one it saves and shows.
        var p = $"att-{app.OtherAgencyId}-";
        var nameless = await (await coordinator.PostFormAsync(url, new Dictionary<string, string> { [p + "Status"] = "Present", [p + "Version"] = "1" },
            $"{url}?handler=Attendance&agencyId={app.OtherAgencyId}")).ReadDocumentAsync();
        Assert.Contains("Enter the name of the agency's representative at the meeting", nameless.ErrorSummary());
        Assert.NotNull(nameless.QuerySelector($".govuk-error-summary a[href='#{p}Representative']"));
        Assert.NotNull(nameless.QuerySelector($"#{p}Representative"));
        var present = await coordinator.PostFormAsync(url, new Dictionary<string, string> { [p + "Status"] = "Present", [p + "Representative"] = "Hana Homes", [p + "Version"] = "1" },
            $"{url}?handler=Attendance&agencyId={app.OtherAgencyId}&case=1");
        Assert.Equal($"{url}?case=1#attendance-{app.OtherAgencyId}", present.Location());
        Assert.Contains("present (Hana Homes)", (await coordinator.GetPageAsync(url)).QuerySelector($"#attendance-{app.OtherAgencyId}")!.TextContent);

        // The first case: save and go to the next.
        var saved = await coordinator.PostFormAsync($"{url}?case=1", new Dictionary<string, string>
        {
            ["VictimViews"] = "Wants to stay at home with the locks changed", ["RiskSummary"] = "High: threats to kill", ["Version"] = "1", ["next"] = "true",
        }, $"{url}?handler=Case&case=1");
        Assert.Equal($"{url}?case=2#case", saved.Location());
        var second = await coordinator.GetPageAsync($"{url}?case=2");
        Assert.Contains("Case 2 of 2", second.QuerySelector("#case-heading")!.TextContent);
        Assert.Contains("(risks summarised)", second.QuerySelector("#case-links")!.TextContent);
        Assert.Equal("High: threats to kill", await app.WithDbAsync(db => db.MaracCases.Where(c => c.Id == cases[0]).Select(c => c.RiskSummary).SingleAsync()));
        Assert.True(await app.AuditedAsync("marac.case-saved", Id(cases[0]), coordinatorUser.Id));

        // An action with no owner and a past date: both named, nothing saved.
        var yesterday = London.Today(app.Clock).AddDays(-1);
        var bad = await (await coordinator.PostFormAsync($"{url}?case=2", new Dictionary<string, string>
        {
            ["Description"] = "Refer to the IDVA", ["OwnerUserId"] = "", ["DueOnDay"] = Id(yesterday.Day), ["DueOnMonth"] = Id(yesterday.Month), ["DueOnYear"] = Id(yesterday.Year),
        }, $"{url}?handler=AddAction&case=2")).ReadDocumentAsync();
        Assert.Contains("Select who will do it", bad.ErrorSummary());
        Assert.Contains("The due date must be today or in the future", bad.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseActions.CountAsync(a => a.SourceId == cases[1])));

        // Closing is refused while case 2 has no risk summary, naming it.
        var refused = await (await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Close")).ReadDocumentAsync();
        Assert.Contains($"Record the chair's summary of the risks for LV{meeting:D5}2 before closing the meeting", refused.ErrorSummary());
    }

    [Fact]
    public async Task A_stale_case_save_shows_what_the_other_person_saved_and_keeps_what_this_one_typed()
    {
        var (area, meeting, cases) = await MeetingAsync(app.AgencyId);
        var url = $"/marac/meetings/{meeting}/live";
        var chair = await app.SignInAsync(await app.CreateUserAsync([Roles.MeetingChair], [area]));
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Open");

        var form = await chair.GetPageAsync($"{url}?case=1");
        var token = form.QuerySelector("#case-record input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"{url}?case=1",
            new Dictionary<string, string> { ["RiskSummary"] = "Coordinator's summary", ["Version"] = "1" }, $"{url}?handler=Case&case=1")).StatusCode);

        var stale = await chair.PostAsync($"{url}?handler=Case&case=1", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["RiskSummary"] = "Chair's own summary", ["Version"] = form.QuerySelector("#case-record input[name=Version]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains("saved this case while you were working on it", page.ErrorSummary());
        Assert.Equal("Coordinator's summary", page.QuerySelector("#RiskSummary")!.TextContent);
        Assert.Contains("Chair's own summary", page.QuerySelector("#unsaved")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#case-record input[name=Version]")!.GetAttribute("value"));
        Assert.Equal("Coordinator's summary", await app.WithDbAsync(db => db.MaracCases.Where(c => c.Id == cases[0]).Select(c => c.RiskSummary).SingleAsync()));
    }

    [Fact]
    public async Task An_invited_agency_agrees_to_confidentiality_once_and_an_agency_not_invited_is_not_found()
    {
        var (area, meeting, _) = await MeetingAsync(app.OtherAgencyId);
        var url = $"/marac/meetings/{meeting}/confidentiality";
        var housingUser = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var housing = await app.SignInAsync(housingUser);
        var police = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(url)).StatusCode);

        var page = await housing.GetPageAsync(url);
        Assert.Contains("safety", page.QuerySelector("#statement")!.TextContent);
        Assert.True(await app.AuditedAsync("marac.confidentiality-viewed", Id(meeting), housingUser.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await housing.PostFormAsync(url)).StatusCode);
        Assert.NotNull((await housing.GetPageAsync(url)).QuerySelector("#agreed"));
        Assert.Equal(1, await app.WithDbAsync(db => db.MaracAttendees.CountAsync(a => a.MeetingId == meeting && a.UserId == housingUser.Id && a.AgencyId == app.OtherAgencyId)));
        Assert.True(await app.AuditedAsync("marac.confidentiality-acknowledged", Id(meeting), housingUser.Id));

        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        Assert.Contains(housingUser.Email[..8], (await coordinator.GetPageAsync($"/marac/meetings/{meeting}/live")).QuerySelector("#attendees")!.TextContent);
    }

    [Fact]
    public async Task An_agency_records_its_own_information_and_written_apologies_and_never_another_agencys()
    {
        var (area, meeting, cases) = await MeetingAsync(app.AgencyId, app.OtherAgencyId);
        var url = $"/marac/cases/{cases[0]}";
        var housingUser = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var housing = await app.SignInAsync(housingUser);

        var missing = await (await housing.PostFormAsync(url, ("Known", "Yes"))).ReadDocumentAsync();
        Assert.Contains("Select whether the agency's involvement is open or historic", missing.ErrorSummary());
        // A posted agency is ignored: the information is the signed-in person's own agency's.
        var saved = await housing.PostFormAsync(url, ("Known", "Yes"), ("Involvement", "Open"), ("Summary", "Tenancy support open since June"), ("AgencyId", Id(app.AgencyId)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = await app.WithDbAsync(db => db.MaracCaseInformation.Where(i => i.CaseId == cases[0]).Select(i => i.AgencyId).ToListAsync());
        Assert.Equal([app.OtherAgencyId], rows);
        var page = await housing.GetPageAsync(url);
        Assert.Contains("Tenancy support open since June", page.QuerySelector("#agency-information")!.TextContent);
        Assert.True(await app.AuditedAsync("marac.information-recorded", Id(cases[0]), housingUser.Id));
        Assert.True(await app.AuditedAsync("marac.case-viewed", Id(cases[0]), housingUser.Id));

        // The live screen's form for another agency is the co-ordinator's alone.
        var live = $"/marac/meetings/{meeting}/live?handler=Information&agencyId={app.AgencyId}&case=1";
        Assert.Equal(HttpStatusCode.NotFound, (await housing.PostPairsAsync(url, live, ($"inf-{app.AgencyId}-Known", "No"))).StatusCode);
        Assert.Equal([app.OtherAgencyId], await app.WithDbAsync(db => db.MaracCaseInformation.Where(i => i.CaseId == cases[0]).Select(i => i.AgencyId).ToListAsync()));

        // Apologies with written information, for the agency's own row only.
        var written = $"/marac/meetings/{meeting}/written";
        var version = (await housing.GetPageAsync(written)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var empty = await (await housing.PostFormAsync(written, ("Version", version), ("WrittenInformation", " "))).ReadDocumentAsync();
        Assert.Contains("Enter your agency's written information for the meeting", empty.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await housing.PostFormAsync(written, ("Version", version), ("WrittenInformation", "Tenancy held jointly"), ("AgencyId", Id(app.AgencyId)))).StatusCode);
        var attendance = await app.WithDbAsync(db => db.MaracAttendance.Where(a => a.MeetingId == meeting).OrderBy(a => a.AgencyId).ToListAsync());
        Assert.Equal((AttendanceStatus.Apologies, "Tenancy held jointly"), attendance.Where(a => a.AgencyId == app.OtherAgencyId).Select(a => (a.Status, a.WrittenInformation)).Single());
        Assert.Equal(AttendanceStatus.NotRecorded, attendance.Single(a => a.AgencyId == app.AgencyId).Status);

        var uninvited = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: await NewAgencyAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await uninvited.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvited.GetAsync(written)).StatusCode);
    }

    private Task<int> NewAgencyAsync() => app.WithDbAsync(async db =>
    {
        var agency = new Safeguard.Core.Organisation.Agency { Name = $"Agency {Guid.NewGuid():N}"[..20], Kind = Safeguard.Core.Organisation.AgencyKind.Health, IsActive = true };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    });

    [Fact]
    public async Task The_earlier_meetings_unfinished_actions_come_first_and_the_owner_agencys_update_is_recorded()
    {
        var (area, meeting, _) = await MeetingAsync(app.AgencyId, app.OtherAgencyId);
        var owner = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        // An earlier meeting of the area, a fortnight ago, with one unfinished action and one finished before today.
        var (open, finished) = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var earlier = new MaracMeeting { AreaId = area, Date = London.Today(app.Clock).AddDays(-14), StartsAtUtc = now.AddDays(-14), PackReleaseByUtc = now.AddDays(-21), CreatedAt = now.AddDays(-28), Version = 1 };
            db.MaracMeetings.Add(earlier);
            await db.SaveChangesAsync();
            var r = new MaracReferral { AreaId = area, Source = MaracReferralSource.PartnerReferral, Category = MaracCategory.FullDiscussion, ReferredAt = now.AddDays(-30), Reference = $"LE{earlier.Id:D5}", MeetingId = earlier.Id, CreatedAt = now.AddDays(-30) };
            db.MaracReferrals.Add(r);
            await db.SaveChangesAsync();
            var c = new MaracCase { MeetingId = earlier.Id, MaracReferralId = r.Id, Reference = r.Reference, Category = r.Category, ReferredAt = r.ReferredAt, Position = 1, Minutes = 10, Version = 1 };
            db.MaracCases.Add(c);
            await db.SaveChangesAsync();
            Safeguard.Core.Actions.CaseAction Action(Safeguard.Core.Actions.ActionStatus status, DateTime? completed) => new()
            {
                Source = Safeguard.Core.Actions.ActionSource.MaracCase, SourceId = c.Id, Reference = c.Reference, AreaId = area, OwnerAgencyId = app.OtherAgencyId, OwnerUserId = owner.Id,
                Description = status == Safeguard.Core.Actions.ActionStatus.Open ? "Change the locks" : "Visit the school", DueOn = London.Today(app.Clock).AddDays(-1), Status = status,
                CreatedAt = now.AddDays(-14), CompletedAt = completed, Version = 1,
            };
            var a = Action(Safeguard.Core.Actions.ActionStatus.Open, null);
            var b = Action(Safeguard.Core.Actions.ActionStatus.Done, now.AddDays(-3));
            db.CaseActions.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var url = $"/marac/meetings/{meeting}/live";
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Open");
        var page = await coordinator.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector($"#action-{open}"));
        Assert.Null(page.QuerySelector($"#action-{finished}"));

        var p = $"act-{open}-";
        var action = $"{url}?handler=ActionUpdate&actionId={open}&case=1";
        var noEvidence = await (await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            [p + "Status"] = "Done", [p + "Note"] = "Locks changed on Monday", [p + "Version"] = "1", [p + "ByAgencyId"] = Id(app.OtherAgencyId),
        }, action)).ReadDocumentAsync();
        Assert.Contains("Enter the evidence that the action is done", noEvidence.ErrorSummary());
        Assert.NotNull(noEvidence.QuerySelector($".govuk-error-summary a[href='#{p}CompletionEvidence']"));
        Assert.Equal("Locks changed on Monday", noEvidence.QuerySelector($"#{p}Note")!.TextContent);

        var byPolice = await (await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            [p + "Status"] = "NotDone", [p + "Note"] = "Not ours", [p + "Version"] = "1", [p + "ByAgencyId"] = Id(app.AgencyId),
        }, action)).ReadDocumentAsync();
        Assert.Contains("Only the agency that owns this action can update it", byPolice.ErrorSummary());

        var done = await coordinator.PostFormAsync(url, new Dictionary<string, string>
        {
            [p + "Status"] = "Done", [p + "Note"] = "Locks changed on Monday", [p + "CompletionEvidence"] = "Locksmith invoice 12", [p + "Version"] = "1", [p + "ByAgencyId"] = Id(app.OtherAgencyId),
        }, action);
        Assert.Equal($"{url}?case=1#action-{open}", done.Location());
        Assert.Equal(Safeguard.Core.Actions.ActionStatus.Done, await app.WithDbAsync(db => db.CaseActions.Where(a => a.Id == open).Select(a => a.Status).SingleAsync()));
        Assert.Contains("now Done", (await coordinator.GetPageAsync(url)).QuerySelector($"#action-{open}")!.TextContent);
        Assert.True(await app.AuditedAsync("marac.action-update-recorded", Id(meeting)));
    }
}
