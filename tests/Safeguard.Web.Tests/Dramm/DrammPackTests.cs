using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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
/// The pack before the meeting: the co-ordinator downloads it at any time; an attending agency only from the release
/// time, and then gets a Word document with a page per case; an agency that does not attend never. Every download audited.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DrammPackTests(SafeguardApp app)
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private async Task<(int Area, int MeetingId, int[] Referrals)> PreparedAsync()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CoordinatorAsync(area);
        var (first, _) = await app.CreateReferralAsync(area, yes: 16);
        var (second, _) = await app.CreateReferralAsync(area, yes: 18);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = coordinator.Id;
        await scope.ServiceProvider.GetRequiredService<DrammSharing>().SetAttendingAsync(area, [app.OtherAgencyId]);
        var calendar = await scope.ServiceProvider.GetRequiredService<DrammSettings>().CalendarAsync(area);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(now.AddDays(-1));
        while (calendar.SittingOn(day) is not { } s || !(s.WindowFromUtc < now && now <= s.WindowToUtc))
        {
            day = day.AddDays(1);
        }

        var meeting = (await scope.ServiceProvider.GetRequiredService<DrammLists>().PrepareAsync(area, day)).Value!;
        Assert.Equal(2, meeting.Cases.Count(c => c.OnList));
        return (area, meeting.Id, [first, second]);
    }

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
    public async Task The_coordinator_downloads_the_pack_before_release_and_an_agency_only_once_it_is_released()
    {
        var (area, meetingId, referrals) = await PreparedAsync();
        await SetTimesAsync(meetingId, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        var url = $"/dramm/meetings/{meetingId}/pack";
        var id = meetingId.ToString(CultureInfo.InvariantCulture);

        var coordinatorUser = await app.CoordinatorAsync(area);
        var coordinator = await app.SignInAsync(coordinatorUser);
        var day = await app.WithDbAsync(db => db.DrammMeetings.Where(m => m.Id == meetingId).Select(m => m.Date).SingleAsync());
        Assert.NotNull((await coordinator.GetPageAsync($"/dramm?area={area}&date={day:yyyy-MM-dd}")).QuerySelector($"#pack a[href='{url}']"));
        var own = await coordinator.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(WordType, own.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"dramm-pack-{day:yyyy-MM-dd}.docx", own.Content.Headers.ContentDisposition!.FileNameStar ?? own.Content.Headers.ContentDisposition.FileName);
        Assert.True(await app.AuditedAsync("dramm.pack-downloaded", id, coordinatorUser.Id));

        // Before the release the attending agency gets nothing, and nothing is recorded as downloaded by them.
        var housingUser = await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.OtherAgencyId);
        var housing = await app.SignInAsync(housingUser);
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync(url)).StatusCode);
        Assert.False(await app.AuditedAsync("dramm.pack-downloaded", id, housingUser.Id));

        await SetTimesAsync(meetingId, TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1));
        Assert.NotNull((await housing.GetPageAsync("/dramm/shared")).QuerySelector($"#pack-{meetingId} a[href='{url}']"));
        var released = await housing.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(WordType, released.Content.Headers.ContentType!.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await released.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var pageBreaks = body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page);
            Assert.Equal(2, pageBreaks);
            var text = body.InnerText;
            foreach (var referral in referrals)
            {
                Assert.Contains(Referral.FormatReference(referral), text);
            }

            Assert.Contains("Fictional reason", text);
            Assert.Contains(DrammPack.Confidentiality, text);
        }

        Assert.True(await app.AuditedAsync("dramm.pack-downloaded", id, housingUser.Id));

        // An agency that does not attend, and an attending agency's person outside the area: not found.
        var police = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(url)).StatusCode);
        var elsewhere = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [await app.NewAreaAsync()], agency: app.OtherAgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(url)).StatusCode);

        // A week after the meeting it is closed to the agency again.
        await SetTimesAsync(meetingId, TimeSpan.FromDays(-9), TimeSpan.FromDays(-DrammSharing.AccessDays).Add(TimeSpan.FromMinutes(-1)));
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync(url)).StatusCode);
    }
}
