using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Marac;

/// <summary>
/// A partner's referral to MARAC without the DRAMM: the co-ordinator adds a referral routed to MARAC to the queue from
/// the referral page; a case the DRAMM already referred shows as queued and is not added twice.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClaresLawReferralQueuePagesTests(SafeguardApp app)
{
    private Task<int> VersionAsync(int referral) => app.WithDbAsync(db => db.Referrals.Where(r => r.Id == referral).Select(r => r.Version).FirstAsync());

    [Fact]
    public async Task The_coordinator_adds_a_referral_routed_to_MARAC_to_the_queue_in_the_chosen_category()
    {
        var area = await app.NewAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area, yes: 16);
        var coordinator = await app.CoordinatorAsync(area);
        var client = await app.SignInAsync(coordinator);
        var page = await client.GetPageAsync($"/referrals/{referral}");
        // Full discussion is the first choice, and chosen unless the co-ordinator says otherwise.
        var first = page.QuerySelector("input#Category")!;
        Assert.Equal((nameof(MaracCategory.FullDiscussion), true), (first.GetAttribute("value"), first.HasAttribute("checked")));
        Assert.Equal(1, page.QuerySelectorAll("input[name=Category][checked]").Length);

        var posted = await client.PostFormAsync($"/referrals/{referral}", new Dictionary<string, string>
        {
            ["Category"] = nameof(MaracCategory.SignificantUpdate), ["Version"] = (await VersionAsync(referral)).ToString(CultureInfo.InvariantCulture),
        }, $"/referrals/{referral}?handler=Queue");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var entry = await app.WithDbAsync(db => db.MaracReferrals.AsNoTracking().SingleAsync(r => r.ReferralId == referral));
        Assert.Equal((MaracReferralSource.PartnerReferral, MaracCategory.SignificantUpdate, area), (entry.Source, entry.Category, entry.AreaId));
        Assert.True(await app.AuditedAsync("referral.marac-queued", referral.ToString(CultureInfo.InvariantCulture), coordinator.Id));
        var after = await client.GetPageAsync($"/referrals/{referral}");
        Assert.Contains("In the MARAC queue: significant update, from Partner referral", after.QuerySelector("#marac-queue + p")!.TextContent);
        Assert.Null(after.QuerySelector("input[name=Category]"));
    }

    [Fact]
    public async Task A_case_the_DRAMM_referred_shows_as_queued_and_a_forced_second_add_is_refused()
    {
        var area = await app.NewAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area, yes: 16);
        var coordinator = await app.CoordinatorAsync(area);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = coordinator.Id;
            var calendar = await scope.ServiceProvider.GetRequiredService<DrammSettings>().CalendarAsync(area);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var day = DateOnly.FromDateTime(now.AddDays(-1));
            while (calendar.SittingOn(day) is not { } s || !(s.WindowFromUtc < now && now <= s.WindowToUtc))
            {
                day = day.AddDays(1);
            }

            var meeting = (await scope.ServiceProvider.GetRequiredService<DrammLists>().PrepareAsync(area, day)).Value!;
            var listed = meeting.Cases.Single(c => c.RecordId == referral);
            // Released five minutes ago (the meeting is moved, not the clock: the clock also checks sign-in codes).
            await app.WithDbAsync(async db =>
            {
                var m = await db.DrammMeetings.SingleAsync(x => x.Id == meeting.Id);
                m.ReleaseByUtc = now.AddMinutes(-5);
                m.MeetsAtUtc = now.AddMinutes(-1);
                return await db.SaveChangesAsync();
            });
            var decided = await scope.ServiceProvider.GetRequiredService<DrammOutcomes>().RecordAsync(listed.Id,
                new OutcomeInput(true, true, RiskLevel.High, "Agreed", MaracDecision.FullDiscussion, "Needs the full forum", listed.Version));
            Assert.True(decided.Succeeded, string.Join("; ", decided.Errors));
        }

        var client = await app.SignInAsync(coordinator);
        var page = await client.GetPageAsync($"/referrals/{referral}");
        Assert.Contains("In the MARAC queue: full discussion, from DRAMM", page.QuerySelector("#marac-queue + p")!.TextContent);
        Assert.Null(page.QuerySelector("input[name=Category]"));

        var forced = await client.PostFormAsync($"/referrals/{referral}", new Dictionary<string, string>
        {
            ["Category"] = nameof(MaracCategory.InformationOnly), ["Version"] = (await VersionAsync(referral)).ToString(CultureInfo.InvariantCulture),
        }, $"/referrals/{referral}?handler=Queue");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("already in the MARAC queue", (await forced.ReadDocumentAsync()).ErrorSummary());
        var entry = await app.WithDbAsync(db => db.MaracReferrals.AsNoTracking().SingleAsync(r => r.ReferralId == referral));
        Assert.Equal((MaracReferralSource.Dramm, MaracCategory.FullDiscussion), (entry.Source, entry.Category));
    }

    [Fact]
    public async Task Only_a_coordinator_or_chair_may_add_to_the_queue_and_only_a_referral_routed_to_MARAC()
    {
        var area = await app.NewAreaAsync();
        var (routed, _) = await app.CreateReferralAsync(area, yes: 16);
        var idva = await app.CreateUserAsync([Roles.Idva], [area]);
        var idvaClient = await app.SignInAsync(idva);
        Assert.Null((await idvaClient.GetPageAsync($"/referrals/{routed}")).QuerySelector("input[name=Category]"));
        var refused = await idvaClient.PostFormAsync($"/referrals/{routed}", new Dictionary<string, string>
        {
            ["Category"] = nameof(MaracCategory.FullDiscussion), ["Version"] = (await VersionAsync(routed)).ToString(CultureInfo.InvariantCulture),
        }, $"/referrals/{routed}?handler=Queue");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var (waiting, _) = await app.CreateReferralAsync(area);
        var client = await app.SignInAsync(await app.CoordinatorAsync(area));
        var page = await client.GetPageAsync($"/referrals/{waiting}");
        Assert.Null(page.QuerySelector("input[name=Category]"));
        Assert.Contains("Not in the MARAC queue", page.QuerySelector("#marac-queue + p")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.MaracReferrals.AnyAsync(r => r.ReferralId == routed || r.ReferralId == waiting)));
    }
}
