using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AddPersonTests(SafeguardApp app)
{
    private static (string, string)[] Searched(string given, string family, string day = "4", string month = "3", string year = "1985") =>
        [("GivenName", given), ("FamilyName", family), ("BirthDay", day), ("BirthMonth", month), ("BirthYear", year), ("ApproximateAge", "")];

    /// <summary>Step 1 and 2: the search, and the page of candidates with its "add a new person" form.</summary>
    private static async Task<IHtmlDocument> SearchAsync(HttpClient client, string given, string family, string path = "/people/add")
    {
        var response = await client.PostFormAsync(path, [.. Searched(given, family), ("Gender", "Female"), ("Postcode", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static string ReceiptOf(IHtmlDocument page) => page.QuerySelector("#add-new input[name=Receipt]")!.GetAttribute("value")!;

    /// <summary>The details form as a user fills it in; <paramref name="more"/> replaces fields of the same name.</summary>
    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string given, string family, string? receipt, string action = "/people/add/details", params (string Key, string Value)[] more)
    {
        (string Key, string Value)[] fields =
        [
            .. Searched(given, family), ("Receipt", receipt ?? ""), ("Gender", "Female"), ("Form.Ethnicity", "WhiteIrish"),
            ("Form.Disability", "No"), ("Form.SexualOrientation", "NotKnown"), ("Form.Lgbt", "NotKnown"),
            ("Form.Line1", "2 Mill Lane"), ("Form.Town", "Testtown"), ("Form.Postcode", "ls14ab"), ("Form.PoliceReference", "PR-123"),
            ("Form.OtherScheme", "NhsNumber"), ("Form.OtherIdentifier", ""), ("Form.UnsafeChannels", "TextMessage"),
            ("Form.UnsafeChannels", "HomeVisit"), ("Form.SafePhone", "07700 900 982"), ("Form.SafeTimes", "Weekdays 10am to 2pm"),
            ("Form.OtherGivenName", ""), ("Form.OtherFamilyName", ""), ("Form.OtherNameKind", "Previous"),
        ];
        return client.PostPairsAsync("/people", action, fields.Where(f => !more.Any(m => m.Key == f.Key)).Concat(more).ToArray());
    }

    [Fact]
    public async Task Search_then_none_of_these_then_details_creates_the_person_and_shows_the_profile()
    {
        var family = PeopleData.UniqueName();
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var candidates = await SearchAsync(client, "Grace", family);
        Assert.NotNull(candidates.QuerySelector("#no-candidates"));
        var receipt = ReceiptOf(candidates);
        Assert.DoesNotContain(family, receipt);

        var start = await client.PostPairsAsync("/people", "/people/add/details?handler=Start", [.. Searched("Grace", family), ("Gender", "Female"), ("Receipt", receipt)]);
        var details = await start.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains($"Grace {family}", details.QuerySelector("#searched")!.TextContent);
        Assert.Contains("4 March 1985", details.QuerySelector("#searched")!.TextContent);
        Assert.DoesNotContain(family, details.Title);

        var created = await CreateAsync(client, "Grace", family, receipt);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.PersonNames.Where(n => n.FamilyName == family).Select(n => n.PersonId).SingleAsync());
        Assert.Equal($"/people/{id}", created.Location());
        var profile = await client.GetPageAsync(created.Location()!);
        Assert.Contains($"{Person.FormatReference(id)} added", profile.QuerySelector("#notice")!.TextContent);
        Assert.Contains("home visit", profile.QuerySelector("#unsafe-channels")!.TextContent);
        Assert.Contains("PR-123", profile.QuerySelector("#identifiers")!.TextContent);
        Assert.Contains("LS1 4AB", profile.QuerySelector("#addresses")!.TextContent);
        var person = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Id == id));
        Assert.Equal(new DateOnly(1985, 3, 4), person.DateOfBirth);
        Assert.Equal(Ethnicity.WhiteIrish, person.Ethnicity);
        Assert.Equal(ContactChannels.TextMessage | ContactChannels.HomeVisit, person.UnsafeChannels);
        Assert.Equal(app.NorthAreaId, person.CreatedInAreaId);
        Assert.True(await app.AuditedAsync("person.created", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Without_a_receipt_with_one_for_another_name_a_tampered_one_or_another_users_nothing_is_saved()
    {
        var family = PeopleData.UniqueName();
        var user = await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]);
        var client = await app.SignInAsync(user);
        var receipt = ReceiptOf(await SearchAsync(client, "Hana", family));
        var other = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var tampered = receipt[..^4] + (receipt[^4] == 'A' ? 'B' : 'A') + receipt[^3..];

        foreach (var (c, given, r) in new[] { (client, "Hana", (string?)null), (client, "Hannah", receipt), (client, "Hana", tampered), (other, "Hana", receipt) })
        {
            var response = await CreateAsync(c, given, family, r);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadDocumentAsync();
            Assert.Contains("Search for this person again", page.ErrorSummary());
            Assert.Contains(page.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#GivenName");
        }

        Assert.Equal(0, await app.CountPeopleNamedAsync(family));
    }

    [Fact]
    public async Task Bad_details_name_the_field_and_save_nothing()
    {
        var family = PeopleData.UniqueName();
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var receipt = ReceiptOf(await SearchAsync(client, "Iris", family));
        var response = await CreateAsync(client, "Iris", family, receipt, "/people/add/details", ("Form.SafePhone", "no digits"), ("Form.OtherGivenName", "D4n"), ("Form.OtherFamilyName", "Smith"));
        var page = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Form.SafePhone", links);
        Assert.Contains("#Form.OtherGivenName", links);
        Assert.NotNull(page.GetElementById("Form.SafePhone"));
        Assert.Equal(0, await app.CountPeopleNamedAsync(family));
    }

    [Theory]
    [InlineData("", "GivenName")]
    [InlineData("M4ry", "GivenName")]
    public async Task The_search_step_refuses_bad_names_before_any_receipt_is_given(string given, string field)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var page = await SearchAsync(client, given, "Jones");
        Assert.Contains(page.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#" + field);
        Assert.Null(page.QuerySelector("#add-new"));
    }

    [Fact]
    public async Task Started_from_another_form_the_journey_returns_there_with_the_person_id()
    {
        var family = PeopleData.UniqueName();
        var existing = await app.AddPersonAsync("Jo", family, new DateOnly(1985, 3, 4), app.NorthAreaId);
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        var page = await SearchAsync(client, "Jo", family, "/people/add?returnUrl=%2Freferrals%2Fnew");
        Assert.Equal($"/referrals/new?personId={existing}", page.QuerySelector($"#candidates tr[data-person-id='{existing}'] a")!.GetAttribute("href"));

        var created = await CreateAsync(client, "Jo", family, ReceiptOf(page), "/people/add/details?returnUrl=%2Freferrals%2Fnew");
        Assert.StartsWith("/referrals/new?personId=", created.Location());
        Assert.Equal(2, await app.CountPeopleNamedAsync(family));

        // Not a way to send someone to another site.
        var offsite = await SearchAsync(client, "Jo", family, "/people/add?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal($"/people/{existing}", offsite.QuerySelector($"#candidates tr[data-person-id='{existing}'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_details_step_without_a_search_goes_back_to_the_search()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        Assert.Equal("/people/add", (await client.GetAsync("/people/add/details")).Location());
    }
}
