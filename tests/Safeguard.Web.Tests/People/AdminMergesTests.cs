using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class AdminMergesTests(SafeguardApp app)
{
    private async Task InvolveAsync(int personId, string reference)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PersonService>().RecordInvolvementAsync(new PersonInvolvement
        {
            PersonId = personId, AreaId = await app.HomeAreaAsync(), Kind = InvolvementKind.Incident, Role = CaseRole.Victim,
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime, Reference = reference,
        });
    }

    [Fact]
    public async Task A_merge_then_reversal_gives_each_record_back_its_own_names_and_involvements()
    {
        var (familyA, familyB) = (UniqueName(), UniqueName());
        var a = await app.CreatePersonAsync("Dee", familyA);
        var b = await app.CreatePersonAsync("Dee", familyB);
        await InvolveAsync(a, "INC-A-" + familyA);
        await InvolveAsync(b, "INC-B-" + familyB);

        var supervisor = await app.SignInAsAsync(Roles.CruSupervisor);
        var merged = await supervisor.PostWithVersionAsync($"/people/{a}/merge/{b}", ("OtherVersion", "1"), ("KeepId", Id(a)), ("Reason", "Looked alike"));
        await merged.AssertRedirectsToProfileAsync(a);
        Assert.Equal(a, (await app.PersonAsync(b)).CanonicalId);

        var admin = await app.SignInAsAsync(Roles.Administrator);
        var list = await admin.GetPageAsync("/admin/merges");
        var mergeId = await app.WithDbAsync(db => db.PersonMerges.Where(m => m.SurvivorId == a && m.MergedId == b).Select(m => m.Id).SingleAsync());
        Assert.NotNull(list.QuerySelector($"a[href='/admin/merges/{mergeId}/reverse']"));

        var noReason = await (await admin.PostFormAsync($"/admin/merges/{mergeId}/reverse", ("Reason", ""))).ReadDocumentAsync();
        Assert.Contains("Enter why the merge was wrong", noReason.ErrorSummary());
        Assert.Equal(a, (await app.PersonAsync(b)).CanonicalId);

        var reversed = await admin.PostFormAsync($"/admin/merges/{mergeId}/reverse", ("Reason", "Different people: checked with the officer"));
        Assert.Equal("/admin/merges", reversed.Location());

        var (personA, personB) = (await app.PersonAsync(a), await app.PersonAsync(b));
        Assert.Equal((a, (int?)null), (personA.CanonicalId, personA.MergedIntoId));
        Assert.Equal((b, (int?)null), (personB.CanonicalId, personB.MergedIntoId));
        Assert.Equal(familyA, Assert.Single(personA.Names).FamilyName);
        Assert.Equal(familyB, Assert.Single(personB.Names).FamilyName);
        Assert.Equal("INC-B-" + familyB, await app.WithDbAsync(db => db.PersonInvolvements.Where(i => i.PersonId == b).Select(i => i.Reference).SingleAsync()));
        Assert.Equal("INC-A-" + familyA, await app.WithDbAsync(db => db.PersonInvolvements.Where(i => i.PersonId == a).Select(i => i.Reference).SingleAsync()));
        Assert.Contains("person.merge-reversed", await app.AuditActionsAsync(a));
        Assert.Contains("person.merge-reversed", await app.AuditActionsAsync(b));

        var again = await admin.GetPageAsync($"/admin/merges/{mergeId}/reverse");
        Assert.Contains("This merge was reversed", again.Body!.TextContent);
    }

    [Fact]
    public async Task Only_administrators_of_both_records_areas_may_reverse()
    {
        var family = UniqueName();
        var a = await app.CreatePersonAsync("Eli", family);
        var b = await app.CreatePersonAsync("Eli", family);
        var supervisor = await app.SignInAsAsync(Roles.CruSupervisor);
        await (await supervisor.PostWithVersionAsync($"/people/{a}/merge/{b}", ("OtherVersion", "1"), ("KeepId", Id(b)), ("Reason", "Same"))).AssertRedirectsToProfileAsync(b);
        var mergeId = await app.WithDbAsync(db => db.PersonMerges.Where(m => m.MergedId == a).Select(m => m.Id).SingleAsync());

        Assert.NotEqual(HttpStatusCode.OK, (await supervisor.GetAsync($"/admin/merges/{mergeId}/reverse")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await supervisor.GetAsync("/admin/merges")).StatusCode);

        var southAdmin = await app.SignInAsAsync(Roles.Administrator, await app.AwayAreaAsync());
        Assert.Null((await southAdmin.GetPageAsync("/admin/merges")).QuerySelector($"a[href='/admin/merges/{mergeId}/reverse']"));
        Assert.Equal(HttpStatusCode.NotFound, (await southAdmin.GetAsync($"/admin/merges/{mergeId}/reverse")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "access.denied" && e.RecordType == "PersonMerge" && e.RecordId == Id(mergeId))));
        Assert.Null(await app.WithDbAsync(db => db.PersonMerges.Where(m => m.Id == mergeId).Select(m => m.ReversedAt).SingleAsync()));
    }

    [Fact]
    public async Task After_a_reversal_the_profile_does_not_name_a_record_now_held_only_in_other_areas()
    {
        var (home, away) = (await app.HomeAreaAsync(), await app.AwayAreaAsync());
        var a = await app.CreatePersonAsync("Eve", UniqueName(), area: home);
        var b = await app.CreatePersonAsync("Eve", UniqueName(), area: away);
        var both = await app.CreateUserAsync([Roles.CruSupervisor], [home, away]);
        using (var scope = app.Services.CreateScope())
        {
            var merging = scope.ServiceProvider.GetRequiredService<PersonMerging>();
            var merge = await merging.MergeAsync(a, b, "Looked like one person", both.Id);
            Assert.True((await merging.ReverseAsync(merge.Value!.Id, "Two people after all", both.Id)).Succeeded);
        }

        var homeOnly = await app.SignInAsAsync(Roles.CruSupervisor, home);
        var profile = (await homeOnly.GetPageAsync($"/people/{a}")).Body!.TextContent;
        Assert.DoesNotContain(Person.FormatReference(b), profile, StringComparison.Ordinal);
        Assert.DoesNotContain("Two people after all", profile, StringComparison.Ordinal);
        var bothSee = (await (await app.SignInAsync(both)).GetPageAsync($"/people/{a}")).Body!.TextContent;
        Assert.Contains(Person.FormatReference(b), bothSee, StringComparison.Ordinal);
    }
}
