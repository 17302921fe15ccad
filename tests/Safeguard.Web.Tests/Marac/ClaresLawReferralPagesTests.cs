using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Marac;

/// <summary>
/// "Refer to MARAC" on a high-risk Clare's Law application: offered only then, pre-filled, submitted once, linked both
/// ways (links only where the scopes allow), refused for a person at risk under 16, not found outside scope.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClaresLawReferralPagesTests(SafeguardApp app)
{
    private const string Assessment = "Fictional: two convictions for assaulting former partners; escalating since the separation";

    /// <summary>A right-to-ask DVDS application (the applicant is the person at risk) with a child, researched and rated <paramref name="risk"/>.</summary>
    private async Task<(int Id, DisclosureData.Staff Staff)> ResearchedAsync(int area, RiskLevel risk = RiskLevel.High)
    {
        var id = await app.CreateApplicationAsync(area, DisclosureStage.Research);
        var staff = await app.StaffAsync(area);
        var child = await app.AddPersonAsync("Charlie", PeopleEditing.UniqueName("Child"), new DateOnly(2019, 1, 1), area, ContactChannels.None, null, Gender.NotKnown);
        var source = await app.WithDbAsync(db => db.ResearchSources.Select(s => s.Id).FirstAsync());
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = staff.Researcher.Id;
        var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
        Assert.True((await service.AddPersonAsync(id, child, ApplicationRole.Child, null)).Succeeded);
        var today = Core.Common.London.Today(app.Clock);
        Assert.True((await service.AddCheckAsync(id, new CheckInput(source, today, CheckResult.InformationFound, "Previous incidents"))).Succeeded);
        var version = await app.WithDbAsync(db => db.DisclosureApplications.Where(a => a.Id == id).Select(a => a.Version).FirstAsync());
        var done = await service.CompleteResearchAsync(id, version, new ResearchInput(risk, Assessment, null));
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        return (id, staff);
    }

    private Task<int> VersionAsync(int id) => app.WithDbAsync(db => db.DisclosureApplications.Where(a => a.Id == id).Select(a => a.Version).FirstAsync());

    private async Task<Dictionary<string, string>> FormAsync(int id) => new()
    {
        ["Version"] = (await VersionAsync(id)).ToString(CultureInfo.InvariantCulture), ["ReferrerRole"] = "CRU researcher",
        ["ReferrerContact"] = "cru@example.org", ["Reason"] = Assessment, ["VictimAware"] = "true", ["VictimConsents"] = "Yes",
    };

    /// <summary>Posts with a token read from a page this user may open: for forms the server would no longer show.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string tokenPage, string action, Dictionary<string, string> fields)
    {
        var token = (await client.GetPageAsync(tokenPage)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [Fact]
    public async Task A_high_risk_application_offers_the_referral_pre_filled_and_submitting_links_both_ways()
    {
        var area = await app.NewAreaAsync();
        var (id, staff) = await ResearchedAsync(area);
        var researcher = await app.SignInAsync(staff.Researcher);
        var record = await researcher.GetPageAsync($"/disclosures/{id}");
        Assert.NotNull(record.QuerySelector($"#marac-referral"));
        Assert.NotNull(record.QuerySelector($"a[href='/disclosures/{id}/marac']"));

        var form = await researcher.GetPageAsync($"/disclosures/{id}/marac");
        var people = form.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, people.Count);
        Assert.Contains(people, r => r.Contains("Victim") && r.Contains("Alex"));
        Assert.Contains(people, r => r.Contains("Perpetrator") && r.Contains("Sam"));
        Assert.Contains(people, r => r.Contains("Child") && r.Contains("Charlie"));
        Assert.Equal(Assessment, form.QuerySelector("textarea#Reason")!.TextContent.Trim());
        Assert.Equal(staff.Researcher.Email, form.QuerySelector("input#ReferrerContact")!.GetAttribute("value"));
        Assert.Equal("CRU researcher", form.QuerySelector("input#ReferrerRole")!.GetAttribute("value"));
        Assert.True(await app.AuditedAsync("disclosure.marac-referral-viewed", id.ToString(CultureInfo.InvariantCulture), staff.Researcher.Id));

        var posted = await researcher.PostFormAsync($"/disclosures/{id}/marac", await FormAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/disclosures/{id}", posted.Headers.Location!.OriginalString);
        var referral = await app.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.DisclosureApplicationId == id));
        Assert.Equal((ReferralKind.ClaresLaw, ReferralRouting.Marac), (referral.Kind, referral.Routing));
        var entry = await app.WithDbAsync(db => db.MaracReferrals.AsNoTracking().SingleAsync(r => r.DisclosureApplicationId == id));
        Assert.Equal((MaracReferralSource.ClaresLaw, MaracCategory.ClaresLaw, (int?)referral.Id), (entry.Source, entry.Category, entry.ReferralId));
        Assert.True(await app.AuditedAsync("disclosure.referred-to-marac", id.ToString(CultureInfo.InvariantCulture), staff.Researcher.Id));

        // The researcher may not open referrals: the reference, no link, and no second offer.
        var after = await researcher.GetPageAsync($"/disclosures/{id}");
        Assert.Contains($"Referred to MARAC: {referral.Reference}", after.QuerySelector("#marac-referral")!.TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Null(after.QuerySelector($"#marac-referral a"));
        Assert.Null(after.QuerySelector($"a[href='/disclosures/{id}/marac']"));
        var gone = await researcher.GetAsync($"/disclosures/{id}/marac");
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);

        // The control room sees both records, so both links.
        var control = await app.SignInAsync(staff.Control);
        Assert.NotNull((await control.GetPageAsync($"/disclosures/{id}")).QuerySelector($"#marac-referral a[href='/referrals/{referral.Id}']"));
        var referralPage = await control.GetPageAsync($"/referrals/{referral.Id}");
        Assert.Contains($"From Clare's Law application", referralPage.QuerySelector("#from-application")!.TextContent);
        Assert.NotNull(referralPage.QuerySelector($"#from-application a[href='/disclosures/{id}']"));

        // The MARAC co-ordinator sees the referral queued, and of the application only that there is one.
        var coordinator = await app.SignInAsync(await Referrals.ReferralData.CoordinatorAsync(app, area));
        var seen = await coordinator.GetPageAsync($"/referrals/{referral.Id}");
        Assert.Null(seen.QuerySelector("#from-application a"));
        Assert.Contains("In the MARAC queue", seen.QuerySelector("#marac-queue + p")!.TextContent);
        Assert.Null(seen.QuerySelector("input[name=Category]"));
    }

    [Fact]
    public async Task Below_high_risk_it_is_not_offered_and_a_forced_post_is_refused()
    {
        var area = await app.NewAreaAsync();
        var (id, staff) = await ResearchedAsync(area, RiskLevel.Medium);
        var researcher = await app.SignInAsync(staff.Researcher);
        var record = await researcher.GetPageAsync($"/disclosures/{id}");
        Assert.Null(record.QuerySelector("#marac-referral"));
        Assert.Null(record.QuerySelector($"a[href='/disclosures/{id}/marac']"));
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.GetAsync($"/disclosures/{id}/marac")).StatusCode);

        var forced = await PostWithTokenAsync(researcher, $"/disclosures/{id}", $"/disclosures/{id}/marac", await FormAsync(id));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains(ClaresLawReferrals.NotOfferedMessage, (await forced.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.DisclosureApplicationId == id)));
    }

    [Fact]
    public async Task A_second_referral_is_refused_with_a_link_to_the_first()
    {
        var area = await app.NewAreaAsync();
        var (id, staff) = await ResearchedAsync(area);
        var control = await app.SignInAsync(staff.Control);
        var form = await FormAsync(id);
        var token = (await control.GetPageAsync($"/disclosures/{id}/marac")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Meanwhile a colleague refers it.
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignInAsync(staff.Decider)).PostFormAsync($"/disclosures/{id}/marac", await FormAsync(id))).StatusCode);
        var first = await app.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.DisclosureApplicationId == id));

        form["Version"] = (await VersionAsync(id)).ToString(CultureInfo.InvariantCulture);
        var again = await control.PostAsync($"/disclosures/{id}/marac", new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ReadDocumentAsync();
        Assert.Contains(ClaresLawReferrals.AlreadyReferredMessage(first.Id), page.ErrorSummary());
        Assert.NotNull(page.QuerySelector($"#Application a[href='/referrals/{first.Id}']"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.DisclosureApplicationId == id)));
    }

    [Fact]
    public async Task A_person_at_risk_under_16_is_refused_and_nothing_is_saved()
    {
        var area = await app.NewAreaAsync();
        var (id, staff) = await ResearchedAsync(area);
        await app.WithDbAsync(async db =>
        {
            var personId = await db.ApplicationPeople.Where(p => p.ApplicationId == id && p.Role == ApplicationRole.PersonAtRisk).Select(p => p.PersonId).SingleAsync();
            (await db.People.SingleAsync(p => p.Id == personId)).DateOfBirth = Core.Common.London.Today(app.Clock).AddYears(-15);
            return await db.SaveChangesAsync();
        });
        var researcher = await app.SignInAsync(staff.Researcher);

        var refused = await researcher.PostFormAsync($"/disclosures/{id}/marac", await FormAsync(id));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains(ClaresLawReferrals.UnderSixteenMessage, page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#People']"));
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.DisclosureApplicationId == id)));
        Assert.False(await app.WithDbAsync(db => db.MaracReferrals.AnyAsync(r => r.DisclosureApplicationId == id)));
    }

    [Fact]
    public async Task Missing_answers_are_shown_against_their_fields()
    {
        var area = await app.NewAreaAsync();
        var (id, staff) = await ResearchedAsync(area);
        var researcher = await app.SignInAsync(staff.Researcher);
        var form = await FormAsync(id);
        form.Remove("VictimAware");
        form["ReferrerContact"] = " ";

        var posted = await researcher.PostFormAsync($"/disclosures/{id}/marac", form);

        var page = await posted.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#VictimAware']"));
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#ReferrerContact']"));
        Assert.NotNull(page.QuerySelector("#VictimAware-error"));
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.DisclosureApplicationId == id)));
    }

    [Fact]
    public async Task Outside_the_application_scope_the_form_is_not_found()
    {
        var area = await app.NewAreaAsync();
        var (id, _) = await ResearchedAsync(area);
        var elsewhere = await app.CreateUserAsync([Roles.CruResearcher], [await app.NewAreaAsync()]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(elsewhere)).GetAsync($"/disclosures/{id}/marac")).StatusCode);
        var auditor = await app.CreateUserAsync([Roles.Auditor], [area]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(auditor)).GetAsync($"/disclosures/{id}/marac")).StatusCode);
        Assert.Null((await (await app.SignInAsync(auditor)).GetPageAsync($"/disclosures/{id}")).QuerySelector($"a[href='/disclosures/{id}/marac']"));
    }
}
