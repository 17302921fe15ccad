using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;

namespace Safeguard.Core.Tests.Disclosures.Reporting;

/// <summary>
/// The monthly roll-up written as each application closes must be exactly what a recount from the rows gives,
/// and a close that fails must leave it untouched.
/// </summary>
public sealed class RollUpTests : DisclosureFixture
{
    [Fact]
    public async Task Closing_through_the_service_adds_the_cells_a_rebuild_counts()
    {
        var disclosed = (await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk)).App;
        var csods = (await CreateWithPeopleAsync(Scheme.Csods, Route.RightToAsk)).App;
        var withdrawn = await CreateAsync(Scheme.Dvds, Route.RightToKnow);
        await WalkToAsync(disclosed.Id, DisclosureStage.Research);
        Host.Clock.Advance(TimeSpan.FromHours(30));
        await WalkToAsync(disclosed.Id, DisclosureStage.Closed);
        await WalkToAsync(csods.Id, DisclosureStage.Closed, disclose: false);
        Host.Clock.Advance(TimeSpan.FromDays(3));
        var closed = await As(Researcher, s => s.CloseEarlyAsync(withdrawn.Id, withdrawn.Version, new ClosureInput(DisclosureOutcome.Withdrawn, "Applicant withdrew")));
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors));

        var written = await CellsAsync();
        Assert.Equal(3, Sum(written, FigureMeasure.Received));
        Assert.Equal(1, Sum(written, FigureMeasure.Disclosed));
        Assert.Equal(1, Sum(written, FigureMeasure.AboutRegisteredSexOffender));
        Assert.Equal(2, Sum(written, FigureMeasure.Decision));
        Assert.Equal(3, Sum(written, FigureMeasure.DaysToClose));
        // The disclosed application spent its 30 hours at research (1.25 days); the others none there.
        Assert.Contains(written, c => c.Measure == FigureMeasure.DaysInStage && c.Code == nameof(DisclosureStage.Research) && c.Tenths == 13);
        // Received two hours before the start, closed 30 hours and 3 days after it: 104 hours, 4.3 days.
        Assert.Contains(written, c => c.Measure == FigureMeasure.DaysToClose && c.Route == Route.RightToKnow && c.Tenths == 43);

        using (var scope = Host.Scope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<FigureCells>().RebuildAsync());
        }

        Assert.Equal(Describe(written), Describe(await CellsAsync()));
    }

    [Fact]
    public async Task A_close_refused_as_stale_adds_nothing_to_the_roll_up()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var stale = app.Version;
        var allocated = await As(Supervisor, s => s.AllocateAsync(app.Id, stale, Researcher));
        Assert.True(allocated.Succeeded, string.Join("; ", allocated.Errors));

        var closed = await As(Researcher, s => s.CloseEarlyAsync(app.Id, stale, new ClosureInput(DisclosureOutcome.Withdrawn, "Applicant withdrew")));

        AssertError(closed, "Version");
        Assert.Empty(await CellsAsync());
    }

    private Task<List<FigureCell>> CellsAsync() => Db(db => db.FigureCells.AsNoTracking().ToListAsync());

    private static int Sum(IEnumerable<FigureCell> cells, FigureMeasure measure) => cells.Where(c => c.Measure == measure).Sum(c => c.Count);

    private static string Describe(IEnumerable<FigureCell> cells) => string.Join('\n', cells
        .Select(c => $"{c.AreaId} {c.Month:yyyy-MM} {c.Measure} {c.Scheme} {c.Route} {c.Code} {c.Tenths} = {c.Count}")
        .Order(StringComparer.Ordinal));
}
