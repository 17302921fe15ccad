using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class MergeTests(SafeguardApp app)
{
    [Fact]
    public async Task A_supervisor_sees_likely_duplicates_compares_them_and_merges_with_a_reason()
    {
        var family = UniqueName();
        var dob = new DateOnly(1979, 2, 14);
        var keep = await app.CreatePersonAsync("Zoe", family, dob, postcode: "LS1 4AB");
        var duplicate = await app.CreatePersonAsync("Zoe", family, dob);
        var client = await app.SignInAsAsync(Roles.CruSupervisor);

        var start = await client.GetPageAsync($"/people/{keep}/merge");
        Assert.NotNull(start.QuerySelector($"a[href='/people/{keep}/merge/{duplicate}']"));
        Assert.Null(start.QuerySelector($"a[href='/people/{keep}/merge/{keep}']"));

        var compare = await client.GetPageAsync($"/people/{keep}/merge/{duplicate}");
        Assert.NotNull(compare.QuerySelector($"#record-{keep}"));
        Assert.NotNull(compare.QuerySelector($"#record-{duplicate}"));
        Assert.DoesNotContain(family, compare.Title);

        var noReason = await (await client.PostWithVersionAsync($"/people/{keep}/merge/{duplicate}", ("OtherVersion", "1"), ("KeepId", Id(keep)))).ReadDocumentAsync();
        Assert.Contains("Enter why these records are the same person", noReason.ErrorSummary());
        Assert.Null((await app.PersonAsync(duplicate)).MergedIntoId);

        var merged = await client.PostWithVersionAsync($"/people/{keep}/merge/{duplicate}", ("OtherVersion", "1"), ("KeepId", Id(keep)), ("Reason", "Same DOB and name"));
        await merged.AssertRedirectsToProfileAsync(keep);
        Assert.Equal(keep, (await app.PersonAsync(duplicate)).MergedIntoId);
        Assert.Contains("person.merged", await app.AuditActionsAsync(keep));
        Assert.Contains("person.merged", await app.AuditActionsAsync(duplicate));
    }

    [Fact]
    public async Task A_record_number_is_typed_and_self_or_out_of_scope_records_are_refused_with_nothing_changed()
    {
        var family = UniqueName();
        var id = await app.CreatePersonAsync("Abe", family);
        var other = await app.CreatePersonAsync("Bea", UniqueName());
        var south = await app.CreatePersonAsync("Abe", family, area: await app.AwayAreaAsync());
        var client = await app.SignInAsAsync(Roles.TeamLeader);
        var path = $"/people/{id}/merge";

        var typed = await client.PostFormAsync(path, ("OtherReference", Person.FormatReference(other)));
        Assert.Equal($"/people/{id}/merge/{other}", typed.Location());
        Assert.Equal($"/people/{id}/merge/{other}", (await client.PostFormAsync(path, ("OtherReference", Id(other)))).Location());

        var self = await (await client.PostFormAsync(path, ("OtherReference", Person.FormatReference(id)))).ReadDocumentAsync();
        Assert.Contains("A record cannot be merged with itself", self.ErrorSummary());
        var outside = await (await client.PostFormAsync(path, ("OtherReference", Person.FormatReference(south)))).ReadDocumentAsync();
        var missing = await (await client.PostFormAsync(path, ("OtherReference", "P999999"))).ReadDocumentAsync();
        Assert.Contains("There is no record with that number", outside.ErrorSummary());
        Assert.Equal(outside.ErrorSummary(), missing.ErrorSummary());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{id}/merge/{south}")).StatusCode);
        Assert.Contains("access.denied", await app.AuditActionsAsync(south));

        var selfConfirm = await client.GetPageAsync($"/people/{id}/merge/{id}");
        Assert.Contains("A record cannot be merged with itself", selfConfirm.ErrorSummary());
        Assert.Null(selfConfirm.QuerySelector("input[name=Reason], textarea[name=Reason]"));

        var stale = await client.PostPairsAsync($"/people/{id}/merge/{other}", $"/people/{id}/merge/{other}",
            ("Version", "1"), ("OtherVersion", "0"), ("KeepId", Id(id)), ("Reason", "Same"));
        Assert.Contains("Someone else changed one of these records", (await stale.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.PersonMerges.AnyAsync(m => m.SurvivorId == id || m.MergedId == id)));
        Assert.True(await app.WithDbAsync(db => db.People.Where(p => p.Id == id || p.Id == other || p.Id == south).AllAsync(p => p.MergedIntoId == null)));
    }

    [Fact]
    public async Task Only_roles_that_may_merge_can_open_the_merge_pages()
    {
        var family = UniqueName();
        var id = await app.CreatePersonAsync("Cal", family);
        var other = await app.CreatePersonAsync("Cal", family);
        foreach (var role in new[] { Roles.Idva, Roles.Auditor, Roles.Administrator, Roles.AgencyRepresentative })
        {
            var client = await app.SignInAsAsync(role);
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/people/{id}/merge")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/people/{id}/merge/{other}")).StatusCode);
        }

        var idva = await app.SignInAsAsync(Roles.Idva);
        var post = await idva.PostPairsAsync($"/people/{id}/details", $"/people/{id}/merge/{other}", ("Version", "1"), ("OtherVersion", "1"), ("KeepId", Id(id)), ("Reason", "x"));
        Assert.NotEqual($"/people/{id}", post.Location());
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null((await app.PersonAsync(other)).MergedIntoId);
    }
}
