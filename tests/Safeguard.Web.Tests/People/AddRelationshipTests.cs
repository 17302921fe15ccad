using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AddRelationshipTests(SafeguardApp app)
{
    [Fact]
    public async Task The_other_person_is_found_by_searching_first_then_linked_and_audited()
    {
        var family = UniqueName();
        var id = await app.CreatePersonAsync("Tess", family);
        var partner = await app.CreatePersonAsync("Umar", family, new DateOnly(1985, 6, 1));
        var elsewhere = await app.CreatePersonAsync("Umar", family, new DateOnly(1985, 6, 1), area: await app.AwayAreaAsync());
        var client = await app.SignInAsAsync(Roles.MaracCoordinator);
        var path = $"/people/{id}/relationships/add";

        var results = await (await client.PostPairsAsync(path, path + "?handler=Search", ("Version", "1"), ("GivenName", "Umar"), ("FamilyName", family),
            ("DateOfBirthDay", "1"), ("DateOfBirthMonth", "6"), ("DateOfBirthYear", "1985"))).ReadDocumentAsync();
        Assert.NotNull(results.QuerySelector($"input[name=RelatedPersonId][value='{partner}']"));
        Assert.Null(results.QuerySelector($"input[name=RelatedPersonId][value='{elsewhere}']"));
        Assert.Null(results.QuerySelector($"input[name=RelatedPersonId][value='{id}']"));
        Assert.Contains("Match score", results.Body!.TextContent);
        Assert.NotNull(results.QuerySelector($"a[href='/people/add?returnUrl=%2Fpeople%2F{id}%2Frelationships%2Fadd']"));

        var added = await client.PostPairsAsync(path, path, ("Version", "1"), ("RelatedPersonId", Id(partner)), ("Kind", "Partner"));
        await added.AssertRedirectsToProfileAsync(id);
        Assert.True(await app.WithDbAsync(db => db.Relationships.AnyAsync(r => r.PersonId == id && r.RelatedPersonId == partner && r.Kind == RelationshipKind.Partner)));
        Assert.Contains("relationship.added", await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Child_of_is_stored_the_other_way_round_for_a_person_back_from_the_add_journey()
    {
        var family = UniqueName();
        var child = await app.CreatePersonAsync("Vera", family);
        var parent = await app.CreatePersonAsync("Will", family);
        var client = await app.SignInAsAsync(Roles.Idva);
        var path = $"/people/{child}/relationships/add?personId={parent}";
        var page = await client.GetPageAsync(path);
        Assert.NotNull(page.QuerySelector($"input[name=RelatedPersonId][value='{parent}'][checked]"));

        var added = await client.PostPairsAsync(path, $"/people/{child}/relationships/add", ("Version", "1"), ("RelatedPersonId", Id(parent)), ("Kind", "ChildOf"));
        await added.AssertRedirectsToProfileAsync(child);
        Assert.True(await app.WithDbAsync(db => db.Relationships.AnyAsync(r => r.PersonId == parent && r.RelatedPersonId == child && r.Kind == RelationshipKind.ParentOrCarerOf)));
        Assert.Contains("relationship.added", await app.AuditActionsAsync(parent));
    }

    [Fact]
    public async Task Missing_choices_and_people_outside_scope_are_refused_with_nothing_saved()
    {
        var family = UniqueName();
        var id = await app.CreatePersonAsync("Xena", family);
        var south = await app.CreatePersonAsync("Yara", family, area: await app.AwayAreaAsync());
        var client = await app.SignInAsAsync(Roles.Idva);
        var path = $"/people/{id}/relationships/add";
        var empty = await (await client.PostPairsAsync(path, path, ("Version", "1"))).ReadDocumentAsync();
        Assert.Contains("Select the other person", empty.ErrorSummary());
        Assert.Contains("Select how they are related", empty.ErrorSummary());

        var outside = await (await client.PostPairsAsync(path, path, ("Version", "1"), ("RelatedPersonId", Id(south)), ("Kind", "Partner"))).ReadDocumentAsync();
        Assert.Contains("Select the other person", outside.ErrorSummary());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}?personId={south}")).StatusCode);

        var noName = await (await client.PostPairsAsync(path, path + "?handler=Search", ("Version", "1"), ("GivenName", ""), ("FamilyName", ""))).ReadDocumentAsync();
        Assert.Contains("Enter the person's first name", noName.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Relationships.AnyAsync(r => r.PersonId == id || r.RelatedPersonId == id)));
        await app.AssertOutsideScopeAsync(path, id);
        await app.AssertCannotChangeAsync(path);
    }
}
