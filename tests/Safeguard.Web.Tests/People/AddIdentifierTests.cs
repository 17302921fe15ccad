using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AddIdentifierTests(SafeguardApp app)
{
    [Fact]
    public async Task A_reference_is_added_and_audited()
    {
        var id = await app.CreatePersonAsync("Opal", UniqueName());
        var client = await app.SignInAsAsync(Roles.CruResearcher);
        var response = await client.PostWithVersionAsync($"/people/{id}/identifiers/add", ("Scheme", "PoliceNationalComputer"), ("Value", " 12/345678A "));
        await response.AssertRedirectsToProfileAsync(id);
        var identifier = Assert.Single((await app.PersonAsync(id)).Identifiers);
        Assert.Equal((IdentifierScheme.PoliceNationalComputer, "12/345678A"), (identifier.Scheme, identifier.Value));
        Assert.Contains("person.changed", await app.AuditActionsAsync(id));
        var profile = await client.GetPageAsync($"/people/{id}");
        Assert.Contains("added", profile.QuerySelector("#notice")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Missing_fields_are_named_stale_forms_refused_and_outsiders_get_404()
    {
        var id = await app.CreatePersonAsync("Pia", UniqueName());
        var client = await app.SignInAsAsync(Roles.CruResearcher);
        var path = $"/people/{id}/identifiers/add";
        var page = await (await client.PostWithVersionAsync(path, ("Value", ""))).ReadDocumentAsync();
        Assert.Contains("Select what kind of reference it is", page.ErrorSummary());
        Assert.Contains("Enter the reference", page.ErrorSummary());
        var stale = await client.PostPairsAsync(path, path, ("Version", "0"), ("Scheme", "Other"), ("Value", "ABC"));
        Assert.Contains("Someone else changed this person", (await stale.ReadDocumentAsync()).ErrorSummary());
        await app.AssertOutsideScopeAsync(path, id);
        await app.AssertCannotChangeAsync(path);
        Assert.Empty((await app.PersonAsync(id)).Identifiers);
    }
}
