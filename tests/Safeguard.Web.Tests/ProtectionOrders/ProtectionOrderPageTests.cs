using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Web.Tests.Referrals;

namespace Safeguard.Web.Tests.ProtectionOrders;

/// <summary>The police record a protection order on one page; errors name their fields; the record is shown in its area only; audited.</summary>
[Collection(AppCollection.Name)]
public sealed class ProtectionOrderPageTests(SafeguardApp app)
{
    [Fact]
    public async Task A_police_coordinator_records_an_order_with_errors_named_and_only_their_areas_see_it()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CoordinatorAsync(area);
        var victim = await app.AddPersonAsync("Vicky", PeopleEditing.UniqueName("Victim"), new DateOnly(1990, 1, 1), area);
        var perpetrator = await app.AddPersonAsync("Percy", PeopleEditing.UniqueName("Perp"), new DateOnly(1985, 1, 1), area);
        var client = await app.SignInAsync(coordinator);
        var before = await app.WithDbAsync(db => db.ProtectionOrders.CountAsync());

        var bad = await (await client.PostFormAsync("/protection-orders/new", new Dictionary<string, string> { ["Kind"] = "Dvpn", ["AreaId"] = $"{area}", ["IssuedOnDay"] = "31", ["IssuedOnMonth"] = "2", ["IssuedOnYear"] = "2026", ["IssuedTime"] = "10:00", ["VictimReference"] = "P999999999", ["PerpetratorReference"] = Person.FormatReference(perpetrator), ["Terms"] = "" })).ReadDocumentAsync();
        var summary = bad.ErrorSummary();
        Assert.Contains("Enter the date it was issued as a real date", summary);
        Assert.Contains("Enter the date it ends: only a DAPO may be made without an end date", summary);
        Assert.Contains("There is no person P999999999 in the person index that you can see", summary);
        Assert.Contains("Enter the terms of the order", summary);
        Assert.NotNull(bad.QuerySelector(".govuk-error-summary a[href='#VictimReference']"));
        Assert.Equal(before, await app.WithDbAsync(db => db.ProtectionOrders.CountAsync()));

        var now = Safeguard.Web.Infrastructure.Display.ToLondon(app.Clock.GetUtcNow().UtcDateTime).AddHours(-1);
        var ends = now.AddDays(2);
        var saved = await client.PostFormAsync("/protection-orders/new", new Dictionary<string, string> { ["Kind"] = "Dvpn", ["AreaId"] = $"{area}", ["IssuedOnDay"] = $"{now.Day}", ["IssuedOnMonth"] = $"{now.Month}", ["IssuedOnYear"] = $"{now.Year}", ["IssuedTime"] = now.ToString("HH:mm", CultureInfo.InvariantCulture), ["ExpiresOnDay"] = $"{ends.Day}", ["ExpiresOnMonth"] = $"{ends.Month}", ["ExpiresOnYear"] = $"{ends.Year}", ["ExpiresTime"] = ends.ToString("HH:mm", CultureInfo.InvariantCulture), ["VictimReference"] = Person.FormatReference(victim), ["PerpetratorReference"] = Person.FormatReference(perpetrator), ["ProtectedPremises"] = "1 Example Street (fictional)", ["Terms"] = "Not to enter the premises" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        var id = url.Split('/')[^1];
        Assert.True(await app.AuditedAsync("protection-order.recorded", id, coordinator.Id));
        var page = await client.GetPageAsync(url);
        Assert.Contains("Not to enter the premises", page.QuerySelector("#order")!.TextContent);
        Assert.Contains("Domestic violence protection notice (DVPN)", page.QuerySelector("#order")!.TextContent);
        Assert.True(await app.AuditedAsync("protection-order.viewed", id, coordinator.Id));

        // Another area's co-ordinator: not found. A partner agency's IDVA, who records referrals but does not issue orders: refused.
        var elsewhere = await app.SignInAsync(await app.CoordinatorAsync(await app.NewAreaAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(url)).StatusCode);
        var idva = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [area], agency: app.OtherAgencyId));
        var refused = await idva.GetAsync("/protection-orders/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/error/403", refused.RedirectPath());
        var representative = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative], [area], agency: app.AgencyId));
        Assert.Equal("/error/403", (await representative.GetAsync(url)).RedirectPath());
    }
}
