using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Tests.People;

public sealed class MergeTests : PeopleFixture
{
    private async Task<Result<PersonMerge>> MergeAsync(int survivor, int merged, string? reason = "Same person")
    {
        using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PersonMerging>().MergeAsync(survivor, merged, reason, UserId);
    }

    private async Task<Result<PersonMerge>> ReverseAsync(int mergeId)
    {
        using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PersonMerging>().ReverseAsync(mergeId, "Different people after all", UserId);
    }

    private async Task<Dictionary<int, (int Canonical, int? MergedInto)>> StateAsync()
    {
        using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().People
            .ToDictionaryAsync(p => p.Id, p => (p.CanonicalId, p.MergedIntoId));
    }

    [Fact]
    public async Task Merging_keeps_every_name_and_involvement_and_search_finds_only_the_survivor()
    {
        var a = await AddAsync("Catherine", "Smith", new DateOnly(1985, 3, 4));
        var b = await AddAsync("Kate", "Jones", new DateOnly(1985, 3, 4));
        await InvolveAsync(b.Id, InvolvementKind.MaracReferral, new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc));

        var merge = await MergeAsync(a.Id, b.Id);

        Assert.True(merge.Succeeded);
        var state = await StateAsync();
        Assert.Equal((a.Id, (int?)a.Id), state[b.Id]);
        using var scope = Host.Scope();
        var search = await scope.ServiceProvider.GetRequiredService<PersonSearch>().SearchAsync(new MatchQuery("Kate", "Jones", new DateOnly(1985, 3, 4)), [Org.AreaA]);
        var found = Assert.Single(search.Candidates);
        Assert.Equal(a.Id, found.Person.Id);
        Assert.Contains("Kate Jones", found.Person.OtherNames);
        Assert.Single(await scope.ServiceProvider.GetRequiredService<RiskHistory>().InvolvementsAsync(a.Id, null));
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "person.merged"));
    }

    [Fact]
    public async Task Reversing_a_merge_restores_both_records()
    {
        var a = await AddAsync("Catherine", "Smith", new DateOnly(1985, 3, 4));
        var b = await AddAsync("Kate", "Smith", new DateOnly(1985, 3, 4));
        var before = await StateAsync();
        var merge = await MergeAsync(a.Id, b.Id);

        var reversed = await ReverseAsync(merge.Value!.Id);

        Assert.True(reversed.Succeeded);
        Assert.Equal(before, await StateAsync());
        using var scope = Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var record = await db.PersonMerges.SingleAsync();
        Assert.NotNull(record.ReversedAt);
        Assert.Equal("Different people after all", record.ReversalReason);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "person.merge-reversed"));
        Assert.False((await ReverseAsync(merge.Value!.Id)).Succeeded);
    }

    [Fact]
    public async Task Reversing_an_earlier_merge_in_a_chain_keeps_the_later_one()
    {
        var a = await AddAsync("Catherine", "Smith", new DateOnly(1985, 3, 4));
        var b = await AddAsync("Kate", "Smith", new DateOnly(1985, 3, 4));
        var c = await AddAsync("Cathy", "Smith", new DateOnly(1985, 3, 4));
        var first = await MergeAsync(b.Id, c.Id);
        var second = await MergeAsync(a.Id, b.Id);
        var merged = await StateAsync();
        Assert.All(merged.Values, v => Assert.Equal(a.Id, v.Canonical));

        Assert.True((await ReverseAsync(second.Value!.Id)).Succeeded);

        var state = await StateAsync();
        Assert.Equal((a.Id, (int?)null), state[a.Id]);
        Assert.Equal((b.Id, (int?)null), state[b.Id]);
        Assert.Equal((b.Id, (int?)b.Id), state[c.Id]);
        Assert.True(first.Succeeded);
    }

    [Fact]
    public async Task A_record_cannot_be_merged_with_itself_or_twice_and_a_reason_is_needed()
    {
        var a = await AddAsync("Catherine", "Smith", new DateOnly(1985, 3, 4));
        var b = await AddAsync("Kate", "Smith", new DateOnly(1985, 3, 4));
        var c = await AddAsync("Cathy", "Smith", new DateOnly(1985, 3, 4));
        var before = await StateAsync();

        var self = await MergeAsync(a.Id, a.Id);
        var noReason = await MergeAsync(a.Id, b.Id, "  ");
        var missing = await MergeAsync(a.Id, 999_999);

        Assert.Equal("A record cannot be merged with itself", self.Errors.Single().Message);
        Assert.Equal("Reason", noReason.Errors.Single().Field);
        Assert.Equal("There is no record with that number", missing.Errors.Single().Message);
        Assert.Equal(before, await StateAsync());
        Assert.True((await MergeAsync(a.Id, b.Id)).Succeeded);
        var again = await MergeAsync(c.Id, b.Id);
        Assert.StartsWith("One of these records has already been merged", again.Errors.Single().Message, StringComparison.Ordinal);
    }
}
