using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Tests.People;

/// <summary>Search before create against a real database: what comes back, from where, and what may be added.</summary>
public sealed class PersonSearchTests : PeopleFixture
{
    private async Task<SearchOutcome> SearchAsync(MatchQuery query, params int[] areas)
    {
        using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PersonSearch>().SearchAsync(query, areas.Length == 0 ? [Org.AreaA] : areas);
    }

    [Fact]
    public async Task A_misspelt_returning_victim_is_found_with_score_and_reasons()
    {
        var catherine = await AddAsync("Catherine", "Smith", new DateOnly(1985, 3, 4), postcode: "LS1 4AB");
        await AddAsync("Catherine", "Smith", new DateOnly(1962, 8, 19));
        await AddAsync("Peter", "Jones", new DateOnly(1985, 3, 4));

        var outcome = await SearchAsync(new MatchQuery("Kathryn", "Smyth", new DateOnly(1985, 4, 3)));

        var top = outcome.Candidates[0];
        Assert.Equal(catherine.Id, top.Person.Id);
        Assert.Equal("P" + catherine.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), top.Person.Reference);
        Assert.Equal("Catherine Smith", top.Person.Name);
        Assert.Contains("Date of birth with day and month swapped", top.Reasons);
        Assert.DoesNotContain(outcome.Candidates, c => c.Person.Name == "Peter Jones");
        Assert.Single(outcome.Candidates);
    }

    [Fact]
    public async Task People_held_only_in_other_areas_are_not_found()
    {
        await AddAsync("Sarah", "Okafor", new DateOnly(1990, 1, 2), area: Org.AreaB);
        Assert.Empty((await SearchAsync(new MatchQuery("Sarah", "Okafor", new DateOnly(1990, 1, 2)), Org.AreaA)).Candidates);
        Assert.Single((await SearchAsync(new MatchQuery("Sarah", "Okafor", new DateOnly(1990, 1, 2)), Org.AreaB)).Candidates);
    }

    [Fact]
    public async Task An_involvement_in_another_area_makes_the_person_visible_there()
    {
        var person = await AddAsync("Sarah", "Okafor", new DateOnly(1990, 1, 2), area: Org.AreaB);
        await InvolveAsync(person.Id, InvolvementKind.Incident, new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc), area: Org.AreaA);
        Assert.Single((await SearchAsync(new MatchQuery("Sarah", "Okafor", new DateOnly(1990, 1, 2)), Org.AreaA)).Candidates);
    }

    [Fact]
    public async Task A_changed_name_added_later_still_finds_the_person_by_the_old_name()
    {
        var person = await AddAsync("Sarah", "Jones", new DateOnly(1990, 1, 2));
        using (var scope = Host.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PersonService>().AddNameAsync(person.Id, person.Version, "Sarah", "Patel", NameKind.Current);
            Assert.True(result.Succeeded);
        }

        var byOld = await SearchAsync(new MatchQuery("Sarah", "Jones", new DateOnly(1990, 1, 2)));
        var byNew = await SearchAsync(new MatchQuery("Sarah", "Patel", new DateOnly(1990, 1, 2)));
        Assert.Equal(person.Id, Assert.Single(byOld.Candidates).Person.Id);
        Assert.Equal("Sarah Patel", Assert.Single(byNew.Candidates).Person.Name);
        Assert.Contains("Sarah Jones", byNew.Candidates[0].Person.OtherNames);
    }

    [Fact]
    public async Task Adding_a_person_needs_a_search_for_the_same_details_in_the_last_30_minutes()
    {
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var details = Details(new DateOnly(1990, 1, 2));
        NewPerson Input(string given) => new(given, "Jones", details, [], null, [], Org.AreaA);
        using var scope = Host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<PersonService>();

        var none = await service.CreateAsync(Input("Sarah"), null, UserId);
        var otherName = await service.CreateAsync(Input("Sarah"), new SearchReceipt("Susan", "Jones", new DateOnly(1990, 1, 2), now), UserId);
        var otherBirth = await service.CreateAsync(Input("Sarah"), new SearchReceipt("Sarah", "Jones", new DateOnly(1991, 1, 2), now), UserId);
        var stale = await service.CreateAsync(Input("Sarah"), new SearchReceipt("Sarah", "Jones", new DateOnly(1990, 1, 2), now.AddMinutes(-31)), UserId);

        foreach (var refused in new[] { none, otherName, otherBirth, stale })
        {
            Assert.False(refused.Succeeded);
            Assert.StartsWith("Search for this person again", refused.Errors[0].Message, StringComparison.Ordinal);
        }

        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(0, await db.People.CountAsync());
        var fresh = await service.CreateAsync(Input("sarah "), new SearchReceipt("Sarah", "Jones", new DateOnly(1990, 1, 2), now.AddMinutes(-29)), UserId);
        Assert.True(fresh.Succeeded);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "person.created"));
    }

    [Theory]
    [InlineData("", "Jones", "GivenName", "Enter the person's first name")]
    [InlineData("Sarah", "   ", "FamilyName", "Enter the person's last name")]
    [InlineData("Sarah2", "Jones", "GivenName", "The first name must contain only letters, spaces, hyphens and apostrophes")]
    [InlineData("Sarah", "!!!", "FamilyName", "The last name must contain only letters, spaces, hyphens and apostrophes")]
    [InlineData("Saaaaarah", "Jones", "GivenName", "Check the first name: the same letter appears 4 times in a row")]
    public async Task Empty_or_absurd_names_are_refused_naming_the_field_and_nothing_is_saved(string given, string family, string field, string message)
    {
        using var scope = Host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<PersonService>().CreateAsync(
            new NewPerson(given, family, Details(), [], null, [], Org.AreaA), new SearchReceipt(given, family, null, Host.Clock.GetUtcNow().UtcDateTime), UserId);
        Assert.Contains(new Safeguard.Core.Common.FieldError(field, message), result.Errors);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().People.CountAsync());
    }

    [Theory]
    [InlineData(2026, 11, 23, "Date of birth must be today or in the past")]
    [InlineData(1899, 12, 31, "Date of birth must be on or after 1 January 1900")]
    public async Task Dates_of_birth_in_the_future_or_before_1900_are_refused(int y, int m, int d, string message)
    {
        var born = new DateOnly(y, m, d);
        using var scope = Host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<PersonService>().CreateAsync(
            new NewPerson("Sarah", "Jones", Details(born), [], null, [], Org.AreaA), new SearchReceipt("Sarah", "Jones", born, Host.Clock.GetUtcNow().UtcDateTime), UserId);
        Assert.Contains(new Safeguard.Core.Common.FieldError("DateOfBirth", message), result.Errors);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().People.CountAsync());
    }

    [Fact]
    public async Task A_stale_change_is_refused_and_nothing_is_overwritten()
    {
        var person = await AddAsync("Sarah", "Jones", new DateOnly(1990, 1, 2));
        using var scope = Host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<PersonService>();
        Assert.True((await service.UpdateDetailsAsync(person.Id, person.Version, Details(new DateOnly(1990, 2, 1)))).Succeeded);
        var stale = await service.UpdateDetailsAsync(person.Id, person.Version, Details(new DateOnly(1977, 7, 7)));
        Assert.False(stale.Succeeded);
        Assert.Contains("Someone else changed this person", stale.Errors[0].Message, StringComparison.Ordinal);
        using var check = Host.Scope();
        var saved = await check.ServiceProvider.GetRequiredService<SafeguardDbContext>().People.SingleAsync();
        Assert.Equal(new DateOnly(1990, 2, 1), saved.DateOfBirth);
    }

    [Fact]
    public async Task Changing_the_date_of_birth_updates_the_match_keys()
    {
        var person = await AddAsync("Zara", "Quill", new DateOnly(1990, 1, 2));
        using (var scope = Host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonService>().UpdateDetailsAsync(person.Id, person.Version, Details(new DateOnly(1971, 6, 15)));
        }

        // Found by first name and the new date of birth even with a surname that shares nothing with the old keys.
        var outcome = await SearchAsync(new MatchQuery("Zara", "Quilp", new DateOnly(1971, 6, 15)));
        Assert.Equal(person.Id, Assert.Single(outcome.Candidates).Person.Id);
    }
}
