using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AddContactTests(SafeguardApp app)
{
    private (string, string)[] Today(string channel)
    {
        var today = Safeguard.Core.Common.London.Today(app.Clock);
        return [("Channel", channel), ("OccurredAtDay", Id(today.Day)), ("OccurredAtMonth", Id(today.Month)), ("OccurredAtYear", Id(today.Year)), ("Note", "Spoke briefly")];
    }

    [Fact]
    public async Task An_unsafe_channel_is_refused_and_audited_and_a_safe_one_recorded()
    {
        var id = await app.CreatePersonAsync("Quinn", UniqueName(), unsafeChannels: ContactChannels.Letter | ContactChannels.HomeVisit);
        var client = await app.SignInAsAsync(Roles.Idva);
        var form = await client.GetPageAsync($"/people/{id}/contacts/add");
        Assert.Contains("Never contact this person by", form.Body!.TextContent);

        var refused = await client.PostWithVersionAsync($"/people/{id}/contacts/add", Today("Letter"));
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Do not contact this person by letter: it is marked as unsafe", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Channel']"));
        Assert.False(await app.WithDbAsync(db => db.PersonContacts.AnyAsync(c => c.PersonId == id)));
        Assert.Contains("person.contact-refused", await app.AuditActionsAsync(id));

        var recorded = await client.PostWithVersionAsync($"/people/{id}/contacts/add", Today("Phone"));
        await recorded.AssertRedirectsToProfileAsync(id);
        var contact = await app.WithDbAsync(db => db.PersonContacts.SingleAsync(c => c.PersonId == id));
        Assert.Equal((ContactChannels.Phone, "Spoke briefly"), (contact.Channel, contact.Note));
        Assert.Contains("person.contacted", await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_channel_unsafe_on_a_merged_record_is_unsafe_for_the_person()
    {
        var family = UniqueName();
        var kept = await app.CreatePersonAsync("Rae", family);
        var merged = await app.CreatePersonAsync("Rae", family, unsafeChannels: ContactChannels.Email);
        var supervisor = await app.SignInAsAsync(Roles.CruSupervisor);
        await supervisor.PostWithVersionAsync($"/people/{kept}/merge/{merged}", ("OtherVersion", "1"), ("KeepId", Id(kept)), ("Reason", "Same person"));
        var refused = await supervisor.PostWithVersionAsync($"/people/{kept}/contacts/add", Today("Email"));
        Assert.Contains("Do not contact this person by email", (await refused.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.PersonContacts.AnyAsync(c => c.PersonId == kept)));
    }

    [Fact]
    public async Task Missing_fields_are_named_and_outsiders_and_view_only_roles_are_refused()
    {
        var id = await app.CreatePersonAsync("Sage", UniqueName());
        var client = await app.SignInAsAsync(Roles.Idva);
        var path = $"/people/{id}/contacts/add";
        var page = await (await client.PostWithVersionAsync(path, ("OccurredAtDay", ""), ("OccurredAtMonth", ""), ("OccurredAtYear", ""))).ReadDocumentAsync();
        Assert.Contains("Select how the person was contacted", page.ErrorSummary());
        Assert.Contains("Enter the date of the contact", page.ErrorSummary());
        var stale = await client.PostPairsAsync(path, path, [("Version", "0"), .. Today("Phone")]);
        Assert.Contains("Someone else changed this person", (await stale.ReadDocumentAsync()).ErrorSummary());
        await app.AssertOutsideScopeAsync(path, id);
        await app.AssertCannotChangeAsync(path);
        Assert.False(await app.WithDbAsync(db => db.PersonContacts.AnyAsync(c => c.PersonId == id)));
    }
}
