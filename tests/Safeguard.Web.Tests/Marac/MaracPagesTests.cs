using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Marac;
using Safeguard.Core.Referrals;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Marac;

/// <summary>
/// The MARAC pages over HTTP: the schedule form's errors, the co-ordinator's agenda, and release-time access to the
/// pack: an invited agency sees nothing before release and everything after; any other agency or area, not found.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MaracPagesTests(SafeguardApp app)
{
    /// <summary>A new area inviting <paramref name="invited"/>, a referral with a DASH queued for it, and its next meeting set up through the page.</summary>
    private async Task<(int Area, int MeetingId, int Referral, HttpClient Coordinator)> MeetingAsync(params int[] invited)
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CoordinatorAsync(area);
        var (referral, _) = await app.CreateReferralAsync(area, yes: 16);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = coordinator.Id;
            await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
            await scope.ServiceProvider.GetRequiredService<MaracIntake>().ReferAsync(new MaracReferralInput(area, MaracReferralSource.PartnerReferral,
                MaracCategory.FullDiscussion, app.Clock.GetUtcNow().UtcDateTime, Referral.FormatReference(referral), ReferralId: referral), write);
            await write.CommitAsync();
        }

        await app.WithDbAsync(async db =>
        {
            db.MaracInvitedAgencies.AddRange(invited.Select(a => new MaracInvitedAgency { AreaId = area, AgencyId = a }));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync(coordinator);
        var index = await client.GetPageAsync($"/marac?area={area}");
        Assert.Contains("Cases waiting for an agenda (1)", index.QuerySelector("#queue")!.TextContent);
        var date = index.QuerySelector("#meetings input[name=Date]")!.GetAttribute("value")!;
        var setUp = await client.PostPairsAsync($"/marac?area={area}", $"/marac?area={area}&handler=SetUp", ("area", $"{area}"), ("Date", date));
        Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
        var meetingId = int.Parse(setUp.RedirectPath()!.Split('/').Last(), CultureInfo.InvariantCulture);
        // Well before the deadline, so the release sweep leaves it to the test.
        await app.WithDbAsync(async db => await db.MaracMeetings.Where(m => m.Id == meetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PackReleaseByUtc, DateTime.UtcNow.AddDays(3)).SetProperty(m => m.StartsAtUtc, DateTime.UtcNow.AddDays(6))));
        return (area, meetingId, referral, client);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int meetingId, string handler, params (string, string)[] fields) =>
        client.PostPairsAsync($"/marac/meetings/{meetingId}", $"/marac/meetings/{meetingId}?handler={handler}", fields);

    [Fact]
    public async Task The_waiting_queue_is_in_the_agendas_order_category_by_the_protocol_then_date_referred()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        var at = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            // Alphabetically by the stored name these would come ClaresLaw, FullDiscussion, InformationOnly, SignificantUpdate.
            foreach (var (reference, category, days) in new[]
            {
                ("Q-FULL-2", MaracCategory.FullDiscussion, 2), ("Q-FULL-1", MaracCategory.FullDiscussion, 1), ("Q-UPDATE", MaracCategory.SignificantUpdate, 0),
                ("Q-INFO", MaracCategory.InformationOnly, 3), ("Q-CLARE", MaracCategory.ClaresLaw, 4),
            })
            {
                db.MaracReferrals.Add(new MaracReferral
                {
                    AreaId = area, Source = MaracReferralSource.PartnerReferral, Category = category, ReferredAt = at.AddDays(days), Reference = reference, CreatedAt = at,
                });
            }

            return await db.SaveChangesAsync();
        });

        var index = await coordinator.GetPageAsync($"/marac?area={area}");
        var references = index.QuerySelectorAll("#waiting tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(["Q-CLARE", "Q-INFO", "Q-UPDATE", "Q-FULL-1", "Q-FULL-2"], references);
    }

    [Fact]
    public async Task The_schedule_form_names_each_bad_field_saves_nothing_and_then_saves_and_audits()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CoordinatorAsync(area);
        var client = await app.SignInAsync(coordinator);
        var url = $"/marac/settings?area={area}";
        var form = await client.GetPageAsync(url);
        Assert.Equal("8/1/2026", form.QuerySelector("#FirstMeeting")!.GetAttribute("value"));

        var bad = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["area"] = $"{area}", ["Version"] = "1", ["FirstMeeting"] = "31/2/2026", ["IntervalDays"] = "0", ["StartsAt"] = "25:00", ["PackReleaseDay"] = "",
            ["PackReleaseAt"] = "17:00", ["MinutesClaresLaw"] = "5", ["MinutesInformationOnly"] = "5", ["MinutesSignificantUpdate"] = "10", ["MinutesFullDiscussion"] = "lots",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await bad.ReadDocumentAsync();
        foreach (var field in new[] { "FirstMeeting", "IntervalDays", "StartsAt", "PackReleaseDay", "MinutesFullDiscussion" })
        {
            Assert.NotNull(page.QuerySelector($".govuk-error-summary a[href='#{field}']"));
            Assert.NotNull(page.QuerySelector($"#{field}-error"));
        }

        Assert.False(await app.WithDbAsync(db => db.MaracSchedules.AnyAsync(s => s.AreaId == area)));

        var good = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["area"] = $"{area}", ["Version"] = "1", ["FirstMeeting"] = "7/1/2026", ["IntervalDays"] = "28", ["StartsAt"] = "10:00", ["PackReleaseDay"] = "Thursday",
            ["PackReleaseAt"] = "16:00", ["MinutesClaresLaw"] = "3", ["MinutesInformationOnly"] = "4", ["MinutesSignificantUpdate"] = "8", ["MinutesFullDiscussion"] = "20",
            ["Invited"] = $"{app.OtherAgencyId}",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await app.WithDbAsync(db => db.MaracSchedules.SingleAsync(s => s.AreaId == area));
        Assert.Equal((28, DayOfWeek.Thursday, 20), (saved.IntervalDays, saved.PackReleaseDay, saved.MinutesFullDiscussion));
        Assert.True(await app.WithDbAsync(db => db.MaracInvitedAgencies.AnyAsync(a => a.AreaId == area && a.AgencyId == app.OtherAgencyId)));
        Assert.True(await app.AuditedAsync("marac.settings-changed", area.ToString(CultureInfo.InvariantCulture), coordinator.Id));

        // The form shown before the save is now stale: saving it again changes nothing.
        var stale = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["area"] = $"{area}", ["Version"] = "1", ["FirstMeeting"] = "8/1/2026", ["IntervalDays"] = "14", ["StartsAt"] = "09:30", ["PackReleaseDay"] = "Friday",
            ["PackReleaseAt"] = "17:00", ["MinutesClaresLaw"] = "5", ["MinutesInformationOnly"] = "5", ["MinutesSignificantUpdate"] = "10", ["MinutesFullDiscussion"] = "15",
        });
        Assert.Contains("Someone else changed these settings", (await stale.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(28, (await app.WithDbAsync(db => db.MaracSchedules.SingleAsync(s => s.AreaId == area))).IntervalDays);

        var elsewhere = await app.NewAreaAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/marac/settings?area={elsewhere}")).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_builds_the_agenda_moves_only_with_a_reason_and_releases()
    {
        var (area, meetingId, referral, client) = await MeetingAsync(app.OtherAgencyId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, meetingId, "Build")).StatusCode);
        var page = await client.GetPageAsync($"/marac/meetings/{meetingId}");
        Assert.Contains(Referral.FormatReference(referral), page.QuerySelector("#agenda")!.TextContent);

        var caseId = await app.WithDbAsync(db => db.MaracCases.Where(c => c.MeetingId == meetingId).Select(c => c.Id).SingleAsync());
        var noReason = await PostAsync(client, meetingId, "Move", ("MoveCaseId", $"{caseId}"), ("MovePosition", "1"), ("MoveReason", ""));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadDocumentAsync()).QuerySelector(".govuk-error-summary a[href='#MoveReason']"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, meetingId, "Release")).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.MaracMeetings.Where(m => m.Id == meetingId).Select(m => m.PackReleasedAt).SingleAsync()));
        var again = await PostAsync(client, meetingId, "Release");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been released", (await again.ReadDocumentAsync()).ErrorSummary());
        Assert.True(await app.AuditedAsync("marac.pack-released", meetingId.ToString(CultureInfo.InvariantCulture)));
        Assert.True(await app.AuditedAsync("marac.agenda-viewed", meetingId.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_invited_agency_sees_the_pack_only_once_released_and_no_other_agency_or_area_ever_does()
    {
        var (area, meetingId, referral, coordinator) = await MeetingAsync(app.OtherAgencyId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, meetingId, "Build")).StatusCode);
        var invited = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var notInvited = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId);
        var otherArea = await app.CreateUserAsync([Roles.AgencyRepresentative], [await app.NewAreaAsync()], agency: app.OtherAgencyId);
        var client = await app.SignInAsync(invited);
        string[] urls = [$"/marac/meetings/{meetingId}", $"/marac/meetings/{meetingId}/pack", $"/marac/meetings/{meetingId}/pack.docx"];

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        Assert.NotNull((await client.GetPageAsync("/marac")).QuerySelector("#none-open"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, meetingId, "Release")).StatusCode);

        var list = await client.GetPageAsync("/marac");
        Assert.NotNull(list.QuerySelector($"#open a[href='/marac/meetings/{meetingId}']"));
        Assert.Contains(Referral.FormatReference(referral), (await client.GetPageAsync(urls[0])).QuerySelector("#agenda")!.TextContent);
        Assert.Null((await client.GetPageAsync(urls[0])).QuerySelector("form[action*=Build], button#Release"));
        var pack = await client.GetPageAsync(urls[1]);
        Assert.Contains("Vicky", pack.QuerySelector("#case-1")!.TextContent);
        var download = await client.GetAsync(urls[2]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        var date = await app.WithDbAsync(db => db.MaracMeetings.Where(m => m.Id == meetingId).Select(m => m.Date).SingleAsync());
        Assert.Equal($"marac-pack-{date:yyyy-MM-dd}.docx", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains(Referral.FormatReference(referral), document.MainDocumentPart!.Document!.Body!.InnerText);
        }

        var id = meetingId.ToString(CultureInfo.InvariantCulture);
        Assert.True(await app.AuditedAsync("marac.agenda-viewed", id, invited.Id));
        Assert.True(await app.AuditedAsync("marac.pack-viewed", id, invited.Id));
        Assert.True(await app.AuditedAsync("marac.pack-downloaded", id, invited.Id));
        var rebuild = await PostAsync(coordinator, meetingId, "Build");
        Assert.Contains("the agenda is fixed", (await rebuild.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostPairsAsync("/marac", $"/marac/meetings/{meetingId}?handler=Build")).StatusCode);

        foreach (var outsider in new[] { notInvited, otherArea })
        {
            var other = await app.SignInAsync(outsider);
            foreach (var url in urls)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            }
        }

        // 28 days after the meeting the pack closes to the agencies again; the co-ordinator still sees it.
        await app.WithDbAsync(async db => await db.MaracMeetings.Where(m => m.Id == meetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAtUtc, DateTime.UtcNow.AddDays(-MaracSharing.AccessDays).AddMinutes(-1))));
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(urls[1])).StatusCode);
    }
}
