using System.Net;
using Safeguard.Core.Accounts;
using Safeguard.Core.Common;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.Marac;

/// <summary>The MARAC dashboard over HTTP: counts for the user's areas (auditors: every area), no references, audited, and only for ViewMaracFigures.</summary>
[Collection(AppCollection.Name)]
public sealed class MaracFiguresPagesTests(SafeguardApp app)
{
    [Fact]
    public async Task Coordinators_see_their_areas_counts_auditors_every_area_and_nobody_sees_a_reference()
    {
        var area = await app.NewAreaAsync();
        var other = await app.NewAreaAsync();
        var meeting = await app.ClosedMeetingAsync(area, [app.OtherAgencyId]);
        var repeat = await app.CaseAsync(meeting, "MR910001", 1, victim: 424242, children: true);
        await app.CaseAsync(meeting, "MR910002", 2);
        var earlier = await app.ClosedMeetingAsync(area, [app.OtherAgencyId], TimeSpan.FromDays(60));
        await app.CaseAsync(earlier, "MR910003", 1, victim: 424242);
        var elsewhere = await app.ClosedMeetingAsync(other, [app.OtherAgencyId]);
        await app.CaseAsync(elsewhere, "MR910004", 1);
        var user = await app.CoordinatorAsync(area);
        await app.ActionAsync(repeat, area, app.OtherAgencyId, user.Id, London.Today(app.Clock).AddDays(-1));
        await app.ActionAsync(repeat, area, app.OtherAgencyId, user.Id, London.Today(app.Clock).AddDays(2));

        var coordinator = await app.SignInAsync(user);
        var page = await coordinator.GetPageAsync("/marac/figures");
        Assert.NotNull(page.QuerySelector("#navigation a[href='/marac']"));
        var row = page.QuerySelector($"#meeting-{meeting.Id}")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2", "1", "1"], row);
        Assert.NotNull(page.QuerySelector($"#meeting-{earlier.Id}"));
        Assert.Null(page.QuerySelector($"#meeting-{elsewhere.Id}"));
        Assert.Equal("3", page.QuerySelector("#cases-total")!.TextContent.Trim());
        Assert.Equal("33%", page.QuerySelector("#repeat-rate")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("#due-this-week")!.TextContent.Trim());
        var housing = page.QuerySelector("#actions-by-agency tbody tr")!;
        Assert.Contains("Testshire Housing", housing.TextContent);
        Assert.Equal("1 overdue", housing.QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        Assert.DoesNotContain("MR9100", page.Body!.TextContent);
        Assert.True(await app.AuditedAsync("marac.figures-viewed", actor: user.Id));

        var auditor = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor]));
        var all = await auditor.GetPageAsync("/marac/figures");
        Assert.NotNull(all.QuerySelector($"#meeting-{meeting.Id}"));
        Assert.NotNull(all.QuerySelector($"#meeting-{elsewhere.Id}"));
        Assert.DoesNotContain("MR9100", all.Body!.TextContent);
    }

    [Fact]
    public async Task People_without_the_figures_capability_are_refused()
    {
        foreach (var role in new[] { Roles.AgencyRepresentative, Roles.Idva })
        {
            var client = await app.SignInAsync(await app.CreateUserAsync([role]));
            var response = await client.GetAsync("/marac/figures");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/error/403", response.RedirectPath());
            Assert.Null((await client.GetPageAsync("/")).QuerySelector("#navigation a[href='/marac/figures']"));
        }
    }
}
