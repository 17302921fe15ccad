using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Marac;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Marac;

/// <summary>
/// The minutes pages over HTTP: the co-ordinator makes and releases them; an invited agency reads released versions
/// and proposes corrections (refused before release); the co-ordinator decides; every version downloads as a real
/// Word document; anyone outside MaracScope is not found. Audited.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MinutesPagesTests(SafeguardApp app)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task Made_released_corrected_and_every_version_kept_and_downloadable_with_a_correction_before_release_refused()
    {
        var area = await app.NewAreaAsync();
        var meeting = await app.ClosedMeetingAsync(area, [app.OtherAgencyId]);
        await app.CaseAsync(meeting, "MR900001", 1);
        var coordinatorUser = await app.CoordinatorAsync(area);
        var coordinator = await app.SignInAsync(coordinatorUser);
        var rep = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var housing = await app.SignInAsync(rep);
        var url = $"/marac/meetings/{meeting.Id}/minutes";

        Assert.NotNull((await housing.GetPageAsync(url)).QuerySelector("#no-versions"));
        var made = await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await coordinator.GetPageAsync(url);
        Assert.Contains("Not released", page.QuerySelector("#version-1")!.TextContent);

        // Not released: the agency sees no version, cannot download it, and a correction is refused with the reason.
        Assert.Null((await housing.GetPageAsync(url)).QuerySelector("#versions"));
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"{url}/1.docx")).StatusCode);
        var early = await housing.PostPairsAsync("/notifications", $"{url}?handler=Propose", ("Text", "Our worker is Jo"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyPage = await early.ReadDocumentAsync();
        Assert.Contains(MaracMinutes.NotReleasedMessage, earlyPage.ErrorSummary());
        Assert.Contains(MaracMinutes.NotReleasedMessage, earlyPage.QuerySelector("#Text-error")!.TextContent);
        Assert.Equal(0, await app.CountAsync(db => db.MaracMinutesCorrections.CountAsync(c => c.MeetingId == meeting.Id)));

        var released = await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Release");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        var download = await housing.GetAsync($"{url}/1.docx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Docx, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"marac-minutes-{meeting.Date:yyyy-MM-dd}-version-1.docx", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("1. MR900001: Full discussion", DocxParagraphsOf(await download.Content.ReadAsByteArrayAsync()));

        var empty = await (await housing.PostFormAsync(url, new Dictionary<string, string> { ["Text"] = "" }, $"{url}?handler=Propose")).ReadDocumentAsync();
        Assert.Contains("Enter the correction you propose", empty.ErrorSummary());
        var proposed = await housing.PostFormAsync(url, new Dictionary<string, string> { ["Text"] = "Housing's representative was present" }, $"{url}?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var correction = await app.WithDbAsync(db => db.MaracMinutesCorrections.SingleAsync(c => c.MeetingId == meeting.Id));
        Assert.Contains("Awaiting a decision", (await housing.GetPageAsync(url)).QuerySelector($"#correction-{correction.Id}")!.TextContent);

        // The agency cannot decide; the co-ordinator must give a reason to refuse, then accepts.
        var decide = $"{url}/corrections/{correction.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync(decide)).StatusCode);
        Assert.False(await app.AuditedAsync("marac.correction-viewed", correction.Id.ToString(CultureInfo.InvariantCulture)));
        await coordinator.GetPageAsync(decide);
        Assert.True(await app.AuditedAsync("marac.correction-viewed", correction.Id.ToString(CultureInfo.InvariantCulture), coordinatorUser.Id));
        var bare = await (await coordinator.PostFormAsync(decide, ("Decision", "Refuse"), ("Response", ""), ("Version", "1"))).ReadDocumentAsync();
        Assert.Contains("Enter why the correction is refused", bare.ErrorSummary());
        var accepted = await coordinator.PostFormAsync(decide, ("Decision", "Accept"), ("Response", "Agreed"), ("Version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stale = await (await coordinator.PostPairsAsync("/notifications", decide, ("Decision", "Refuse"), ("Response", "No"), ("Version", "1"))).ReadDocumentAsync();
        Assert.Contains("This correction was accepted", stale.QuerySelector("#decided")!.TextContent);

        var listed = await housing.GetPageAsync(url);
        Assert.NotNull(listed.QuerySelector("#version-1"));
        Assert.NotNull(listed.QuerySelector("#version-2"));
        Assert.Contains("Accepted", listed.QuerySelector($"#correction-{correction.Id}")!.TextContent);
        var v2 = DocxParagraphsOf(await housing.GetByteArrayAsync($"{url}/2.docx"));
        Assert.Contains(v2, p => p.Contains("Housing's representative was present"));
        Assert.DoesNotContain(DocxParagraphsOf(await housing.GetByteArrayAsync($"{url}/1.docx")), p => p.Contains("Housing's representative was present"));
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"{url}/3.docx")).StatusCode);

        var id = meeting.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var action in new[] { "marac.minutes-created", "marac.minutes-released", "marac.minutes-viewed", "marac.minutes-downloaded" })
        {
            Assert.True(await app.AuditedAsync(action, id), action);
        }

        Assert.True(await app.AuditedAsync("marac.correction-proposed", correction.Id.ToString(CultureInfo.InvariantCulture), rep.Id));
        Assert.True(await app.AuditedAsync("marac.correction-accepted", correction.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Agencies_not_invited_other_areas_late_readers_and_auditors_do_not_reach_the_minutes()
    {
        var area = await app.NewAreaAsync();
        var meeting = await app.ClosedMeetingAsync(area, [app.OtherAgencyId]);
        var coordinator = await app.SignInAsync(await app.CoordinatorAsync(area));
        var url = $"/marac/meetings/{meeting.Id}/minutes";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Release")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"{url}/1.docx")).StatusCode);

        var police = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        var elsewhere = await app.SignInAsync(await app.CoordinatorAsync(await app.NewAreaAsync()));
        foreach (var client in new[] { police, elsewhere })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}/1.docx")).StatusCode);
        }

        // An invited agency's person cannot make or release minutes: those are the co-ordinator's.
        var housing = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await housing.PostPairsAsync(url, $"{url}?handler=Release")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await housing.GetAsync($"{url}/1.docx")).StatusCode);

        // 28 days after the meeting the agency can still read minutes released since (it was told of them)...
        var longAgo = app.Clock.GetUtcNow().UtcDateTime.AddDays(-MaracSharing.AccessDays).AddMinutes(-1);
        await app.WithDbAsync(db => db.MaracMeetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAtUtc, longAgo)));
        Assert.Equal(HttpStatusCode.OK, (await housing.GetAsync($"{url}/1.docx")).StatusCode);
        Assert.Contains($"href=\"/marac/meetings/{meeting.Id}\"", await housing.GetStringAsync("/marac"));

        // ...and 28 days after the meeting and the latest release of its minutes, the agency's access ends; the co-ordinator's does not.
        await app.WithDbAsync(db => db.MaracMinutesVersions.Where(v => v.MeetingId == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ReleasedAt, longAgo)));
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"{url}/1.docx")).StatusCode);
        Assert.DoesNotContain($"href=\"/marac/meetings/{meeting.Id}\"", await housing.GetStringAsync("/marac"));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"{url}/1.docx")).StatusCode);

        var auditor = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor], [area]));
        var denied = await auditor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/error/403", denied.RedirectPath());
    }

    private static List<string> DocxParagraphsOf(byte[] bytes) => MinutesData.DocxParagraphs(bytes);
}
