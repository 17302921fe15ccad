using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Tests;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private CoreHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task RecordAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var scope = _host.Scope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = "user-1";
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
                "person.viewed", "Person", $"P{i}", summary: "viewed", before: new { Name = "A" }, after: new { Name = $"B{i}" });
            _host.Clock.Advance(TimeSpan.FromSeconds(1.2345678));
        }
    }

    private async Task<AuditChainResult> VerifyAsync()
    {
        using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        using var scope = _host.Scope();
        await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Events_held_for_a_bulk_flush_join_the_chain_in_order_at_the_commit_and_are_lost_with_a_rollback()
    {
        using (var scope = _host.Scope())
        {
            await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
            write.Record("a.tracked");
            write.RecordForFlush("b.held");
            write.RecordForFlush("c.held");
            write.Record("d.tracked");
            await write.CommitAsync(); // no explicit flush: the commit writes the held events first
        }

        using (var scope = _host.Scope())
        {
            await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
            write.RecordForFlush("e.rolled-back");
            await write.FlushAsync();
        }

        using var read = _host.Scope();
        var events = await read.ServiceProvider.GetRequiredService<SafeguardDbContext>().AuditEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["a.tracked", "b.held", "c.held", "d.tracked"], events.Select(e => e.Action));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Sequence));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Events_form_a_gapless_chain_that_verifies()
    {
        await RecordAsync(5);
        using var scope = _host.Scope();
        var events = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Sequence));
        Assert.Equal(AuditTrail.GenesisHash, events[0].PreviousHash);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.Equal(events[i - 1].Hash, events[i].PreviousHash);
        }

        Assert.Equal("user-1", events[0].ActorUserId);
        Assert.Equal("{\"Name\":\"B4\"}", events[4].After);
        var result = await VerifyAsync();
        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EventsChecked);
    }

    [Fact]
    public async Task An_edited_event_is_named_as_the_first_broken_link()
    {
        await RecordAsync(6);
        await ExecuteAsync("UPDATE \"AuditEvents\" SET \"Summary\" = 'nothing to see' WHERE \"Sequence\" = 4");
        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal(3, result.EventsChecked);
        Assert.Contains("changed", result.Problem);
    }

    [Fact]
    public async Task A_deleted_event_is_named_as_missing()
    {
        await RecordAsync(6);
        await ExecuteAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3");
        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task An_event_rehashed_after_editing_still_breaks_the_next_link()
    {
        await RecordAsync(4);
        using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var e = await db.AuditEvents.SingleAsync(x => x.Sequence == 2);
            e.Summary = "forged";
            e.Hash = AuditTrail.ComputeHash(e);
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync();
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("does not point", result.Problem);
    }

    [Fact]
    public async Task A_write_that_is_not_committed_leaves_no_event()
    {
        await RecordAsync(1);
        using (var scope = _host.Scope())
        {
            await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
            write.Record("user.changed", "User", "x");
            await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().SaveChangesAsync();
        }

        await RecordAsync(1);
        using var check = _host.Scope();
        Assert.Equal(2, await check.ServiceProvider.GetRequiredService<SafeguardDbContext>().AuditEvents.CountAsync());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Concurrent_writers_never_fork_the_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RecordAsync(5))));
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(40, result.EventsChecked);
    }
}
