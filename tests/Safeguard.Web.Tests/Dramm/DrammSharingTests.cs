using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Core.Referrals;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Dramm;

/// <summary>
/// Release-time access: an attending agency's representative sees a case from the release time to a week after the
/// meeting; before, after, or from an agency that does not attend, it is not found.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DrammSharingTests(SafeguardApp app)
{
    private async Task<(int Area, int CaseId, int MeetingId, int Referral)> PreparedAsync(params int[] attending)
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CoordinatorAsync(area);
        var (referral, _) = await app.CreateReferralAsync(area, yes: 16);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = coordinator.Id;
        await scope.ServiceProvider.GetRequiredService<DrammSharing>().SetAttendingAsync(area, attending);
        var calendar = await scope.ServiceProvider.GetRequiredService<DrammSettings>().CalendarAsync(area);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(now.AddDays(-1));
        while (calendar.SittingOn(day) is not { } s || !(s.WindowFromUtc < now && now <= s.WindowToUtc))
        {
            day = day.AddDays(1);
        }

        var meeting = (await scope.ServiceProvider.GetRequiredService<DrammLists>().PrepareAsync(area, day)).Value!;
        return (area, meeting.Cases.Single(c => c.RecordId == referral).Id, meeting.Id, referral);
    }

    /// <summary>Moves the meeting in time relative to now, rather than the clock: the test clock also checks sign-in codes.</summary>
    private Task SetTimesAsync(int meetingId, TimeSpan releaseFromNow, TimeSpan meetingFromNow) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var m = await db.DrammMeetings.SingleAsync(x => x.Id == meetingId);
            m.ReleaseByUtc = now + releaseFromNow;
            m.MeetsAtUtc = now + meetingFromNow;
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task An_attending_agency_sees_the_case_only_from_release_until_a_week_after_the_meeting()
    {
        var (area, caseId, meetingId, referral) = await PreparedAsync(app.OtherAgencyId);
        var housing = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var client = await app.SignInAsync(housing);

        await SetTimesAsync(meetingId, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dramm/shared/cases/{caseId}")).StatusCode);
        Assert.NotNull((await client.GetPageAsync("/dramm/shared")).QuerySelector("#none"));

        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1));
        var list = await client.GetPageAsync("/dramm/shared");
        Assert.NotNull(list.QuerySelector($"#meeting-{meetingId} a[href='/dramm/shared/cases/{caseId}']"));
        Assert.NotNull(list.QuerySelector("#navigation a[href='/dramm/shared']"));
        var page = await client.GetPageAsync($"/dramm/shared/cases/{caseId}");
        Assert.Equal(Referral.FormatReference(referral), page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Vicky", page.QuerySelector("#people")!.TextContent);
        Assert.Contains("Fictional reason", page.QuerySelector("#referral")!.TextContent);
        Assert.True(await app.AuditedAsync("dramm.case-viewed", meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), housing.Id));

        await SetTimesAsync(meetingId, TimeSpan.FromDays(-9), TimeSpan.FromDays(-DrammSharing.AccessDays).Add(TimeSpan.FromMinutes(-1)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dramm/shared/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task An_agency_that_does_not_attend_or_joins_after_the_list_was_prepared_sees_nothing_of_it()
    {
        var (area, caseId, meetingId, _) = await PreparedAsync(app.OtherAgencyId);
        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1));
        var police = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId);
        var client = await app.SignInAsync(police);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dramm/shared/cases/{caseId}")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = (await app.CoordinatorAsync(area)).Id;
            await scope.ServiceProvider.GetRequiredService<DrammSharing>().SetAttendingAsync(area, [app.AgencyId, app.OtherAgencyId]);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dramm/shared/cases/{caseId}")).StatusCode);
        var elsewhere = await app.CreateUserAsync([Roles.AgencyRepresentative], [await app.NewAreaAsync()], agency: app.OtherAgencyId);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(elsewhere)).GetAsync($"/dramm/shared/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_chooses_the_attending_agencies_on_the_settings_page_and_it_is_audited()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CoordinatorAsync(area);
        var client = await app.SignInAsync(coordinator);
        var saved = await client.PostFormAsync($"/dramm/settings?area={area}",
            new Dictionary<string, string> { ["area"] = $"{area}", ["Attending"] = $"{app.OtherAgencyId}" }, $"/dramm/settings?area={area}&handler=Agencies");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetPageAsync($"/dramm/settings?area={area}");
        Assert.NotNull(page.QuerySelector($"#Attending-{app.OtherAgencyId}")!.GetAttribute("checked"));
        Assert.Null(page.QuerySelector($"#Attending-{app.AgencyId}")!.GetAttribute("checked"));
        Assert.True(await app.AuditedAsync("dramm.agencies-changed", area.ToString(System.Globalization.CultureInfo.InvariantCulture), coordinator.Id));
    }

    [Fact]
    public async Task An_attending_agency_adds_what_it_knows_before_the_meeting_and_every_attendee_reads_it()
    {
        var (area, caseId, meetingId, _) = await PreparedAsync(app.OtherAgencyId);
        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1));
        var housing = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var client = await app.SignInAsync(housing);
        var url = $"/dramm/shared/cases/{caseId}";

        var nothing = await (await client.PostFormAsync(url, ("Summary", ""))).ReadDocumentAsync();
        Assert.Contains("Select whether the people are known to your agency", nothing.ErrorSummary());
        var half = await (await client.PostFormAsync(url, ("Known", "Yes"))).ReadDocumentAsync();
        Assert.Contains("Select whether your agency's involvement is open or historic", half.ErrorSummary());
        Assert.Contains("Enter a summary of what your agency knows", half.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.AgencyInformation.CountAsync(i => i.CaseId == caseId)));

        var saved = await client.PostFormAsync(url, ("Known", "Yes"), ("Involvement", "Open"), ("Summary", "Tenancy support open since June; no concerns about the children"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetPageAsync(url);
        Assert.Contains("Tenancy support open since June", page.QuerySelector("#agency-information")!.TextContent);
        Assert.Contains("Yes, open", page.QuerySelector("#agency-information")!.TextContent);
        Assert.Equal("1", page.QuerySelector("input[name=InformationVersion]")!.GetAttribute("value"));
        Assert.True(await app.AuditedAsync("dramm.agency-information-recorded", meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), housing.Id));

        // A second form from before that save is stale: refused, the first kept.
        var stale = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Known"] = "No",
        }));
        Assert.Contains("Someone else from your agency changed this information", (await stale.ReadDocumentAsync()).ErrorSummary());
        Assert.True(await app.WithDbAsync(db => db.AgencyInformation.Where(i => i.CaseId == caseId).Select(i => i.Known).SingleAsync()));

        // The co-ordinator reads it; an agency that does not attend cannot post.
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        Assert.Contains("Tenancy support open since June", (await coordinator.GetPageAsync(url)).QuerySelector("#agency-information")!.TextContent);
        var police = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostPairsAsync("/account", url, ("Known", "No"))).StatusCode);
    }

    [Fact]
    public async Task The_chair_records_the_meetings_outcome_on_a_case_and_the_list_shows_it()
    {
        var (area, caseId, meetingId, _) = await PreparedAsync(app.OtherAgencyId);
        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-90), TimeSpan.FromMinutes(-5));
        var client = await app.SignInAsync(await app.CoordinatorAsync(area));
        var url = $"/dramm/cases/{caseId}/outcome";
        var version = (await client.GetPageAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var missing = await (await client.PostFormAsync(url, ("Version", version))).ReadDocumentAsync();
        Assert.Contains("Select the risk level the meeting agreed", missing.ErrorSummary());
        Assert.NotNull(missing.QuerySelector(".govuk-error-summary a[href='#DecisionRationale']"));

        var saved = await client.PostFormAsync(url, ("Version", version), ("ChildrenConfirmed", "Yes"), ("DetailsConfirmed", "Yes"), ("AgreedRisk", "High"),
            ("RiskRationale", "Threats to kill and a recent separation"), ("Decision", "FullDiscussion"), ("DecisionRationale", "High risk: full discussion"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("High risk, referred to MARAC", list.QuerySelector("main")!.TextContent);
        Assert.True(await app.AuditedAsync("dramm.outcome-recorded", meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var housing = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId));
        var refused = await housing.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/error/403", refused.RedirectPath());
    }

    [Fact]
    public async Task An_action_goes_to_a_person_of_an_attending_agency_who_is_told_and_only_their_agency_updates_it()
    {
        var (area, caseId, meetingId, _) = await PreparedAsync(app.OtherAgencyId);
        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-90), TimeSpan.FromMinutes(-5));
        var housing = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        var url = $"/dramm/cases/{caseId}/actions/add";
        var today = Safeguard.Core.Common.London.Today(app.Clock);
        var page = await coordinator.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector($"#OwnerUserId option[value='{housing.Id}']"));

        var bad = await (await coordinator.PostFormAsync(url, ("Description", "Visit the family"), ("OwnerUserId", ""),
            ("DueOnDay", $"{today.AddDays(-1).Day}"), ("DueOnMonth", $"{today.AddDays(-1).Month}"), ("DueOnYear", $"{today.AddDays(-1).Year}"))).ReadDocumentAsync();
        Assert.Contains("Select who will do it", bad.ErrorSummary());
        Assert.Contains("The due date must be today or in the future", bad.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseActions.CountAsync(a => a.SourceId == caseId)));

        var due = today.AddDays(7);
        var set = await coordinator.PostFormAsync(url, ("Description", "Check the tenancy and offer a lock change"), ("OwnerUserId", housing.Id),
            ("DueOnDay", $"{due.Day}"), ("DueOnMonth", $"{due.Month}"), ("DueOnYear", $"{due.Year}"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var actionId = await app.WithDbAsync(db => db.CaseActions.Where(a => a.SourceId == caseId).Select(a => a.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == housing.Id && n.Link == $"/actions/{actionId}")));

        var owner = await app.SignInAsync(housing);
        var list = await owner.GetPageAsync("/actions");
        Assert.Contains("Check the tenancy and offer a lock change", list.QuerySelector("#actions")!.TextContent);
        var noEvidence = await (await owner.PostFormAsync($"/actions/{actionId}", ("Version", "1"), ("Status", "Done"), ("Note", "Locks changed"))).ReadDocumentAsync();
        Assert.Contains("Enter the evidence that the action is done", noEvidence.ErrorSummary());
        var done = await owner.PostFormAsync($"/actions/{actionId}", ("Version", "1"), ("Status", "Done"), ("Note", "Locks changed"), ("CompletionEvidence", "Job sheet 4471"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var detail = await owner.GetPageAsync($"/actions/{actionId}");
        Assert.Contains("Job sheet 4471", detail.QuerySelector("#action")!.TextContent);
        Assert.Contains("Locks changed", detail.QuerySelector("#updates")!.TextContent);
        Assert.True(await app.AuditedAsync("action.updated", actionId.ToString(System.Globalization.CultureInfo.InvariantCulture), housing.Id));

        // Another agency's representative in the area: not found, to read or to post.
        var police = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/actions/{actionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostPairsAsync("/account", $"/actions/{actionId}", ("Version", "2"), ("Status", "NotDone"), ("Note", "x"))).StatusCode);
        Assert.DoesNotContain("Check the tenancy", (await police.GetPageAsync("/actions")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_minutes_are_made_from_what_was_recorded_and_released_to_the_attending_agency_once_every_case_has_its_outcome()
    {
        var (area, caseId, meetingId, referral) = await PreparedAsync(app.OtherAgencyId);
        var housing = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-90), TimeSpan.FromMinutes(-5));
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        var day = await app.WithDbAsync(db => db.DrammMeetings.Where(m => m.Id == meetingId).Select(m => m.Date).SingleAsync());
        var list = $"/dramm?area={area}&date={day:yyyy-MM-dd}";
        var agency = await app.SignInAsync(housing);
        var minutesUrl = $"/dramm/meetings/{meetingId}/minutes";
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync(minutesUrl)).StatusCode);

        // Not before every case has its outcome.
        var early = await (await coordinator.PostFormAsync(list, new Dictionary<string, string> { ["area"] = $"{area}", ["date"] = $"{day:yyyy-MM-dd}" },
            list + "&handler=Release")).ReadDocumentAsync();
        Assert.Contains($"Record the outcome of every case before releasing the minutes: {Referral.FormatReference(referral)}", early.ErrorSummary());
        Assert.NotNull(early.QuerySelector(".govuk-error-summary a[href='#Minutes']"));

        var url = $"/dramm/cases/{caseId}/outcome";
        var version = (await coordinator.GetPageAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await coordinator.PostFormAsync(url, ("Version", version), ("ChildrenConfirmed", "Yes"), ("DetailsConfirmed", "Yes"), ("AgreedRisk", "High"),
            ("RiskRationale", "Threats to kill after separation"), ("Decision", "FullDiscussion"), ("DecisionRationale", "Visible high risk"));
        var released = await coordinator.PostFormAsync(list, new Dictionary<string, string> { ["area"] = $"{area}", ["date"] = $"{day:yyyy-MM-dd}" }, list + "&handler=Release");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.NotNull((await coordinator.GetPageAsync(list)).QuerySelector("#minutes-released"));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == housing.Id && n.Link == minutesUrl)));

        var docx = await agency.GetAsync(minutesUrl);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Threats to kill after separation", text);
        Assert.Contains("referred for full discussion", text);
        Assert.Contains(Referral.FormatReference(referral), text);
        Assert.True(await app.AuditedAsync("dramm.minutes-downloaded", meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), housing.Id));

        var police = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(minutesUrl)).StatusCode);
    }
}
