using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class PeopleSearchTests(SafeguardApp app)
{
    private static (string, string)[] Search(string given, string family, string day = "", string month = "", string year = "", string age = "") =>
        [("GivenName", given), ("FamilyName", family), ("BirthDay", day), ("BirthMonth", month), ("BirthYear", year), ("ApproximateAge", age), ("Postcode", "")];

    private static async Task<IHtmlDocument> SearchAsync(HttpClient client, params (string, string)[] fields)
    {
        var response = await client.PostFormAsync("/people", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static List<string> Candidates(IHtmlDocument page) =>
        page.QuerySelectorAll("#candidates tr[data-person-id]").Select(r => r.GetAttribute("data-person-id")!).ToList();

    [Fact]
    public async Task A_misspelt_name_with_day_and_month_swapped_finds_the_person_with_a_score_and_reasons_and_is_audited()
    {
        var id = await app.AddPersonAsync("Catherine", "Smith", new DateOnly(1985, 3, 4), app.NorthAreaId);
        var idva = await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]);
        var client = await app.SignInAsync(idva);

        var page = await SearchAsync(client, Search("Kathryn", "Smyth", "03", "04", "1985"));
        Assert.Null(page.ErrorSummary());
        Assert.Contains(id.ToString(CultureInfo.InvariantCulture), Candidates(page));
        var row = page.QuerySelector($"#candidates tr[data-person-id='{id}']")!;
        Assert.Contains(Person.FormatReference(id), row.TextContent);
        Assert.Contains("Catherine Smith", row.TextContent);
        Assert.Contains("4 March 1985", row.TextContent);
        Assert.True(int.Parse(row.QuerySelector("[data-score]")!.GetAttribute("data-score")!, CultureInfo.InvariantCulture) >= 50);
        Assert.NotEmpty(row.QuerySelectorAll("li"));
        Assert.Equal($"/people/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Kathryn", page.Title);
        Assert.DoesNotContain("Smith", page.Title);

        var audited = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.AuditEvents, e => e.Action == "people.searched" && e.ActorUserId == idva.Id));
        Assert.Contains("Kathryn", audited.After);
        Assert.Contains(id.ToString(CultureInfo.InvariantCulture), audited.After);
    }

    [Fact]
    public async Task A_user_in_another_area_finds_no_one_and_gets_404_on_the_profile_which_is_audited_as_denied()
    {
        var family = PeopleData.UniqueName();
        var id = await app.AddPersonAsync("Anna", family, new DateOnly(1990, 1, 2), app.NorthAreaId);
        var south = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.SouthAreaId]));
        var page = await SearchAsync(south, Search("Anna", family, "2", "1", "1990"));
        Assert.Empty(Candidates(page));
        Assert.NotNull(page.QuerySelector("#no-candidates"));

        var outside = await south.GetAsync($"/people/{id}");
        var missing = await south.GetAsync("/people/999999");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await missing.ReadDocumentAsync()).QuerySelector("h1")!.TextContent, (await outside.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.True(await app.AuditedAsync("access.denied", id.ToString(CultureInfo.InvariantCulture)));
        Assert.False(await app.AuditedAsync("person.viewed", id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_profile_shows_the_record_safe_contact_and_history_in_the_users_areas_and_is_audited()
    {
        var family = PeopleData.UniqueName();
        var id = await app.AddPersonAsync("Beth", family, new DateOnly(1980, 6, 1), app.NorthAreaId, ContactChannels.TextMessage | ContactChannels.Letter, "LS1 4AB");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.RecordInvolvementAsync(id, app.NorthAreaId, InvolvementKind.MaracReferral, now.AddMonths(-2), "MR-NORTH-1");
        await app.RecordInvolvementAsync(id, app.NorthAreaId, InvolvementKind.MaracHearing, now.AddMonths(-2).AddDays(10), "MH-NORTH-1", RiskLevel.High);
        await app.RecordInvolvementAsync(id, app.NorthAreaId, InvolvementKind.Incident, now.AddMonths(-1), "INC-NORTH-1", policeReported: true);
        await app.RecordInvolvementAsync(id, app.SouthAreaId, InvolvementKind.Incident, now.AddDays(-5), "INC-SOUTH-SECRET", policeReported: true);
        var user = await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]);
        var client = await app.SignInAsync(user);

        var page = await client.GetPageAsync($"/people/{id}");
        Assert.Equal($"Person {Person.FormatReference(id)} – Safeguard", page.Title);
        Assert.Equal($"Beth {family}", page.QuerySelector("#person-name")!.TextContent.Trim());
        Assert.Contains("text message", page.QuerySelector("#unsafe-channels")!.TextContent);
        Assert.Contains("letter", page.QuerySelector("#unsafe-channels")!.TextContent);
        Assert.Contains("LS1 4AB", page.QuerySelector("#addresses")!.TextContent);
        Assert.Contains("1 time", page.QuerySelector("#marac-hearings")!.TextContent);
        Assert.Contains("High", page.QuerySelector("#last-risk")!.TextContent);
        Assert.Contains("would be a repeat", page.QuerySelector("#repeat")!.TextContent);
        Assert.Contains("MR-NORTH-1", page.QuerySelector("#repeat")!.TextContent);
        Assert.StartsWith("1 police-reported incident", page.QuerySelector("#escalation")!.TextContent.Trim());
        Assert.Contains("INC-NORTH-1", page.QuerySelector("#involvements")!.TextContent);
        Assert.DoesNotContain("INC-SOUTH-SECRET", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/people/" + id + "/details']"));
        Assert.Null(page.QuerySelector("a[href='/people/" + id + "/merge']"));
        Assert.True(await app.AuditedAsync("person.viewed", id.ToString(CultureInfo.InvariantCulture), user.Id));
    }

    [Fact]
    public async Task Relationships_show_only_people_the_user_may_see()
    {
        var family = PeopleData.UniqueName();
        var id = await app.AddPersonAsync("Cara", family, null, app.NorthAreaId);
        var partner = await app.AddPersonAsync("Dan", family, null, app.NorthAreaId);
        var hiddenName = PeopleData.UniqueName();
        var hidden = await app.AddPersonAsync(hiddenName, family, null, app.SouthAreaId);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var people = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PersonService>(scope.ServiceProvider);
            await people.AddRelationshipAsync(partner, id, RelationshipKind.Partner, "test");
            await people.AddRelationshipAsync(id, hidden, RelationshipKind.ParentOrCarerOf, "test");
        }

        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var page = await client.GetPageAsync($"/people/{id}");
        var text = page.QuerySelector("#relationships")!.TextContent;
        Assert.Contains($"Partner: Dan {family}", text);
        Assert.DoesNotContain(hiddenName, page.Body!.TextContent);
        Assert.DoesNotContain("Parent or carer", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_merged_record_shows_its_survivor_with_the_merge_history()
    {
        var family = PeopleData.UniqueName();
        var survivor = await app.AddPersonAsync("Gina", family, new DateOnly(1975, 7, 8), app.NorthAreaId);
        var merged = await app.AddPersonAsync("Georgina", family, new DateOnly(1975, 7, 8), app.NorthAreaId);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var merging = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PersonMerging>(scope.ServiceProvider);
            Assert.True((await merging.MergeAsync(survivor, merged, "Same person, same date of birth", "test")).Succeeded);
        }

        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var page = await client.GetPageAsync($"/people/{merged}");
        Assert.Equal($"Person {Person.FormatReference(survivor)} – Safeguard", page.Title);
        Assert.Contains(Person.FormatReference(merged), page.QuerySelector("#merged-note")!.TextContent);
        Assert.Contains($"Record {Person.FormatReference(merged)} merged into this one", page.QuerySelector("#merges")!.TextContent);
        Assert.Contains($"Georgina {family}", page.QuerySelector("#other-names")!.TextContent);
        Assert.True(await app.AuditedAsync("person.viewed", survivor.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("", "Smith", "", "", "", "GivenName")]
    [InlineData("J4ne", "Smith", "", "", "", "GivenName")]
    [InlineData("Jane", "", "", "", "", "FamilyName")]
    [InlineData("Jane", "Smith", "1", "1", "2999", "DateOfBirth")]
    [InlineData("Jane", "Smith", "31", "12", "1899", "DateOfBirth")]
    [InlineData("Jane", "Smith", "31", "2", "1990", "DateOfBirth")]
    public async Task Bad_search_input_names_the_field(string given, string family, string day, string month, string year, string field)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var page = await SearchAsync(client, Search(given, family, day, month, year));
        Assert.NotNull(page.ErrorSummary());
        Assert.Contains(page.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#" + field);
        Assert.NotNull(page.GetElementById(field));
        Assert.StartsWith("Error:", page.Title);
        Assert.Null(page.QuerySelector("#candidates"));
    }

    [Fact]
    public async Task An_auditor_searches_and_views_but_cannot_add()
    {
        var id = await app.AddPersonAsync("Fay", PeopleData.UniqueName(), null, app.NorthAreaId);
        var auditor = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor], [app.NorthAreaId]));
        var page = await auditor.GetPageAsync("/people");
        Assert.Null(page.QuerySelector("#add-person"));
        await SearchAsync(auditor, Search("Fay", "Anyone"));
        var profile = await auditor.GetPageAsync($"/people/{id}");
        Assert.Null(profile.QuerySelector("#actions"));
        var add = await auditor.GetAsync("/people/add");
        Assert.Equal("/error/403", add.RedirectPath());
        Assert.Equal("/error/403", (await auditor.GetAsync("/people/add/details")).RedirectPath());
    }

    [Fact]
    public async Task People_is_in_the_navigation_and_on_the_home_page_for_those_who_may_find_people()
    {
        var idva = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva]));
        var home = await idva.GetPageAsync("/");
        Assert.Contains("/people", home.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/people", home.QuerySelectorAll("#work-areas a").Select(a => a.GetAttribute("href")));
        var rep = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative]));
        Assert.DoesNotContain("/people", (await rep.GetPageAsync("/")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}
