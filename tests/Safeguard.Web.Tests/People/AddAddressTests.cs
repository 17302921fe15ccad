using Safeguard.Core.Accounts;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AddAddressTests(SafeguardApp app)
{
    [Fact]
    public async Task An_address_is_added_with_a_tidy_postcode_and_audited()
    {
        var id = await app.CreatePersonAsync("Lena", UniqueName());
        var client = await app.SignInAsAsync(Roles.ControlRoom);
        var response = await client.PostWithVersionAsync($"/people/{id}/addresses/add", ("Line1", "2 Mill Lane"), ("Town", "Leeds"), ("Postcode", "ls14ab"),
            ("FromDay", "1"), ("FromMonth", "2"), ("FromYear", "2020"));
        await response.AssertRedirectsToProfileAsync(id);
        var address = Assert.Single((await app.PersonAsync(id)).Addresses);
        Assert.Equal(("2 Mill Lane", "LS1 4AB", new DateOnly(2020, 2, 1)), (address.Line1, address.Postcode, address.From));
        Assert.Contains("person.changed", await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_saves_nothing()
    {
        var id = await app.CreatePersonAsync("Mira", UniqueName());
        var client = await app.SignInAsAsync(Roles.ControlRoom);
        var page = await (await client.PostWithVersionAsync($"/people/{id}/addresses/add", ("Line1", ""), ("Postcode", "nope"),
            ("FromDay", "40"), ("FromMonth", "1"), ("FromYear", "2020"))).ReadDocumentAsync();
        var summary = page.ErrorSummary()!;
        Assert.Contains("Enter the first line of the address", summary);
        Assert.Contains("Enter a real postcode", summary);
        Assert.Contains("The date they moved in must be a real date", summary);
        Assert.NotNull(page.QuerySelector("#Line1-error"));
        Assert.Empty((await app.PersonAsync(id)).Addresses);
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_outsiders_get_404()
    {
        var id = await app.CreatePersonAsync("Nell", UniqueName());
        var client = await app.SignInAsAsync(Roles.ControlRoom);
        var path = $"/people/{id}/addresses/add";
        var stale = await client.PostPairsAsync(path, path, ("Version", "0"), ("Line1", "3 Road"));
        Assert.Contains("Someone else changed this person", (await stale.ReadDocumentAsync()).ErrorSummary());
        await app.AssertOutsideScopeAsync(path, id);
        await app.AssertCannotChangeAsync(path);
        Assert.Empty((await app.PersonAsync(id)).Addresses);
    }
}
