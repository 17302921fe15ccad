using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Dramm;
using Safeguard.Core.Referrals;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Dramm;

[Collection(AppCollection.Name)]
public sealed class DrammListPagesTests(SafeguardApp app)
{
    /// <summary>The sitting whose window holds "now": the list a referral made now goes on.</summary>
    private async Task<DateOnly> NextSittingAsync(int area)
    {
        using var scope = app.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<DrammSettings>().CalendarAsync(area);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var d = DateOnly.FromDateTime(now.AddDays(-1)); ; d = d.AddDays(1))
        {
            if (calendar.SittingOn(d) is { } s && s.WindowFromUtc < now && now <= s.WindowToUtc)
            {
                return d;
            }
        }
    }

    [Fact]
    public async Task A_coordinator_prepares_the_list_sees_each_reason_and_adds_a_left_out_case_with_a_reason()
    {
        var area = await app.NewAreaAsync();
        var (high, _) = await app.CreateReferralAsync(area, yes: 16);
        var (unassessed, _) = await app.CreateReferralAsync(area);
        var day = await NextSittingAsync(area);
        var client = await app.SignInAsync(await app.CoordinatorAsync(area));
        var url = $"/dramm?area={area}&date={day:yyyy-MM-dd}";

        var page = await client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("#sitting"));
        Assert.Null(page.QuerySelector("#left-out"));
        var prepared = await client.PostFormAsync(url, new Dictionary<string, string> { ["area"] = $"{area}", ["date"] = $"{day:yyyy-MM-dd}" }, url + "&handler=Prepare");
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);

        page = await client.GetPageAsync(url);
        var group = page.QuerySelector($"#group-{AgendaGroup.NoChildrenThirdParty}")!;
        Assert.Contains(Referral.FormatReference(high), group.TextContent);
        Assert.Contains("High-risk referral from a partner agency", group.TextContent);
        Assert.NotNull(group.QuerySelector($"a[href='/referrals/{high}']"));
        var leftOut = page.QuerySelector("#left-out")!;
        Assert.Contains(Referral.FormatReference(unassessed), leftOut.TextContent);
        Assert.Contains("Partner referrals come to DRAMM at high risk", leftOut.TextContent);
        Assert.True(await app.AuditedAsync("dramm.list-viewed", actor: (await app.CoordinatorAsync(area)).Id));

        var caseId = await app.WithDbAsync(db => db.DrammCases.Where(c => c.RecordId == unassessed && c.Record == CaseRecord.Referral).Select(c => c.Id).SingleAsync());
        var empty = await client.PostFormAsync($"/dramm/cases/{caseId}", ("Reason", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errorPage = await empty.ReadDocumentAsync();
        Assert.Contains("Enter why this case should be discussed", errorPage.ErrorSummary());
        Assert.NotNull(errorPage.QuerySelector(".govuk-error-summary a[href='#Reason']"));

        var added = await client.PostFormAsync($"/dramm/cases/{caseId}", ("Reason", "The IDVA asked for it to be heard"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await client.GetPageAsync(url);
        Assert.Contains("Added by the co-ordinator: The IDVA asked for it to be heard", page.QuerySelector($"#group-{AgendaGroup.NoChildrenThirdParty}")!.TextContent);
        Assert.Null(page.QuerySelector("#left-out"));
    }

    [Fact]
    public async Task Another_areas_case_is_not_found_and_a_role_without_the_capability_is_refused()
    {
        var area = await app.NewAreaAsync();
        var other = await app.NewAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area, yes: 16);
        var day = await NextSittingAsync(area);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Safeguard.Core.Audit.AuditContext>().ActorUserId = (await app.CoordinatorAsync(area)).Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<DrammLists>().PrepareAsync(area, day)).Succeeded);
        }

        var caseId = await app.WithDbAsync(db => db.DrammCases.Where(c => c.RecordId == referral && c.Record == CaseRecord.Referral).Select(c => c.Id).SingleAsync());
        var outsider = await app.SignInAsync(await app.CoordinatorAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/dramm/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/dramm?area={area}")).StatusCode);

        var idva = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [area]));
        var refused = await idva.GetAsync($"/dramm?area={area}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/error/403", refused.RedirectPath());
    }
}
