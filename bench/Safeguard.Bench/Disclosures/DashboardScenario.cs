using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Reporting;

namespace Safeguard.Bench.Disclosures;

/// <summary>
/// The disclosure dashboard as <c>Pages/Disclosures/Dashboard</c> runs it with no filters: the last twelve months and
/// the latest complete Home Office year, <see cref="DisclosureFigures.ComputeAsync"/> over the user's
/// <see cref="FiguresScope"/> (what <c>ApplicationRecordScope.FiguresScopeFor</c> gives): a supervisor of three areas, or an
/// auditor, who reads every area. The page then lays the figures out as tables (in memory) and appends an audit
/// event; neither is timed here.
/// </summary>
internal static class DashboardScenario
{
    private const int Runs = 100;
    private const int WarmUp = 10;

    public static async Task<Dictionary<string, object>> RunAsync(IServiceProvider services, Bench bench, bool auditor)
    {
        var areas = bench.AreaIds.Take(DisclosureScenarios.SupervisorAreas).ToList();
        var today = London.DateOf(DisclosureScenarios.Now);
        var period = FiguresPeriod.LastTwelveMonths(today);
        var year = DisclosureFigures.LatestCompleteYearEndingMarch(today);
        DashboardFigures? last = null;
        var times = await Timing.RunAsync(WarmUp, Runs, async () =>
        {
            using var scope = services.CreateScope();
            var figures = scope.ServiceProvider.GetRequiredService<DisclosureFigures>();
            var sw = Stopwatch.StartNew();
            var scoped = auditor ? FiguresScope.Everywhere : FiguresScope.InAreas(areas);
            last = await figures.ComputeAsync(scoped, period, year);
            var ms = sw.Elapsed.TotalMilliseconds;
            return ms;
        });
        var report = Timing.Summary(times, WarmUp);
        report["user"] = auditor ? "auditor (all 10 areas)" : $"supervisor of {areas.Count} of {DisclosureScenarios.AreaCount} areas";
        report["period"] = $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}";
        report["homeOfficeYearEndingMarch"] = year;
        report["receivedInPeriod"] = last!.Volumes.Rows.Sum(r => r.Received);
        report["openNow"] = last.Overdue.Open;
        report["overdueNow"] = last.Overdue.Overdue;
        report["owners"] = last.Workload.Owners.Count;
        return report;
    }
}
