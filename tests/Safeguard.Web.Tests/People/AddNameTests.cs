using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AddNameTests(SafeguardApp app)
{
    [Fact]
    public async Task A_new_current_name_makes_the_old_one_previous_and_is_audited()
    {
        var family = UniqueName();
        var id = await app.CreatePersonAsync("Hana", family);
        var client = await app.SignInAsAsync(Roles.CaseCoordinator);
        var response = await client.PostWithVersionAsync($"/people/{id}/names/add", ("GivenName", "Hana"), ("FamilyName", "Newname"), ("Kind", "Current"));
        await response.AssertRedirectsToProfileAsync(id);

        var names = (await app.PersonAsync(id)).Names;
        Assert.Equal(NameKind.Previous, names.Single(n => n.FamilyName == family).Kind);
        Assert.Equal(NameKind.Current, names.Single(n => n.FamilyName == "Newname").Kind);
        Assert.Contains("person.changed", await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Missing_fields_are_each_named_and_nothing_is_saved()
    {
        var id = await app.CreatePersonAsync("Iris", UniqueName());
        var client = await app.SignInAsAsync(Roles.CaseCoordinator);
        var page = await (await client.PostWithVersionAsync($"/people/{id}/names/add", ("GivenName", ""), ("FamilyName", "B4ad"))).ReadDocumentAsync();
        var summary = page.ErrorSummary()!;
        Assert.Contains("Enter the person's first name", summary);
        Assert.Contains("The last name must contain only letters", summary);
        Assert.Contains("Select what kind of name it is", summary);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Kind']"));
        Assert.Single((await app.PersonAsync(id)).Names);
    }

    [Fact]
    public async Task A_stale_form_is_refused()
    {
        var id = await app.CreatePersonAsync("Jade", UniqueName());
        var client = await app.SignInAsAsync(Roles.CaseCoordinator);
        var path = $"/people/{id}/names/add";
        var stale = await client.PostPairsAsync(path, path, ("Version", "0"), ("GivenName", "Jade"), ("FamilyName", "Other"), ("Kind", "Alias"));
        Assert.Contains("Someone else changed this person", (await stale.ReadDocumentAsync()).ErrorSummary());
        Assert.Single((await app.PersonAsync(id)).Names);
    }

    [Fact]
    public async Task Outside_scope_and_view_only_roles_are_refused()
    {
        var id = await app.CreatePersonAsync("Kit", UniqueName());
        await app.AssertOutsideScopeAsync($"/people/{id}/names/add", id);
        await app.AssertCannotChangeAsync($"/people/{id}/names/add");
        Assert.Single((await app.PersonAsync(id)).Names);
    }
}
