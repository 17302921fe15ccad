using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Disclosures.Reporting;

/// <summary>
/// The disclosure dashboard's figures and the Home Office return, over applications the caller has already
/// scoped to what the user may see (the web app passes <c>ApplicationRecordScope.VisibleTo</c>). Nothing here
/// widens that query: every figure starts from it.
/// <para>
/// Counts are grouped in the database (GROUP BY, with CASE for London months and in-time closures). Medians
/// come from a histogram grouped in the database (elapsed days to 0.01 of a day, with
/// <see cref="ElapsedDays"/>, and a count of each), since SQLite has no median; no row or entity is loaded.
/// One DbContext, so the queries run one after another.
/// </para>
/// <para>
/// The period figures (volumes, outcomes, timeliness, time in stage) are about applications received in the
/// period. Workload and overdue are about open work now, whenever it was received. The Home Office figures
/// have their own year and rule (<see cref="HomeOfficeAsync"/>).
/// </para>
/// </summary>
public sealed class DisclosureFigures(SafeguardDbContext db, TimeProvider clock)
{
    public const int LongestWaitingCount = 10;

    /// <summary>The most London months the volumes table splits a period into (a period of 10 years).</summary>
    public const int MaxMonths = 120;

    /// <summary>The last year ending March that is over: on 31 March 2026 that is the year ending March 2025, on 1 April 2026 the year ending March 2026.</summary>
    public static int LatestCompleteYearEndingMarch(DateOnly today) => today.Month >= 4 ? today.Year : today.Year - 1;

    /// <summary>Every figure of the dashboard for the period, and the Home Office figures for the year ending March <paramref name="homeOfficeYearEndingMarch"/>.</summary>
    public async Task<DashboardFigures> ComputeAsync(IQueryable<DisclosureApplication> scoped, FiguresPeriod period, int homeOfficeYearEndingMarch,
        CancellationToken ct = default)
    {
        var now = Now();
        var volumes = await VolumesAsync(scoped, period, ct);
        var outcomes = await OutcomesAsync(scoped, period, ct);
        var timeliness = await TimelinessAsync(scoped, period, ct);
        var stages = await StageTimesAsync(scoped, period, ct);
        var workload = await WorkloadAsync(scoped, ct);
        var overdue = await OverdueAsync(scoped, ct);
        var homeOffice = await HomeOfficeAsync(scoped, homeOfficeYearEndingMarch, ct);
        return new DashboardFigures(period, now, volumes, outcomes, timeliness, stages, workload, overdue, homeOffice);
    }

    /// <summary>Applications received in each London month of the period, by scheme and route: one GROUP BY.</summary>
    public async Task<VolumeFigures> VolumesAsync(IQueryable<DisclosureApplication> scoped, FiguresPeriod period, CancellationToken ct = default)
    {
        var months = MonthsOf(period);
        // Each month's first instant in UTC, the first clipped to the period's start: a CASE over these gives the month.
        var starts = months.Select((m, i) => i == 0 ? period.StartUtc : FiguresPeriod.LondonMidnight(m)).ToList();
        var key = WithMonthIndex(a => new { a.Scheme, a.Route, Month = MonthIndex.Of(a.ReceivedAt) }, starts);
        var rows = await Received(scoped, period)
            .GroupBy(key)
            .Select(g => new { g.Key.Scheme, g.Key.Route, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        return new VolumeFigures(months, rows
            .Select(r => new VolumeRow(months[r.Month], r.Scheme, r.Route, r.Count))
            .OrderBy(r => r.Month).ThenBy(r => r.Scheme).ThenBy(r => r.Route)
            .ToList());
    }

    /// <summary>Outcomes of the applications received in the period, and the rationale parts their decision records have filled in.</summary>
    public async Task<OutcomeFigures> OutcomesAsync(IQueryable<DisclosureApplication> scoped, FiguresPeriod period, CancellationToken ct = default)
    {
        var received = Received(scoped, period);
        var outcomes = await received
            .GroupBy(a => a.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var rationale = await received
            .Where(a => a.Disclose != null)
            .GroupBy(a => a.Disclose)
            .Select(g => new
            {
                Disclose = g.Key,
                Decisions = g.Count(),
                Lawful = g.Sum(a => a.Lawful != null && a.Lawful.Trim() != "" ? 1 : 0),
                Necessary = g.Sum(a => a.Necessary != null && a.Necessary.Trim() != "" ? 1 : 0),
                Proportionate = g.Sum(a => a.Proportionate != null && a.Proportionate.Trim() != "" ? 1 : 0),
                PressingNeed = g.Sum(a => a.PressingNeed != null && a.PressingNeed.Trim() != "" ? 1 : 0),
            })
            .ToListAsync(ct);
        return new OutcomeFigures(
            outcomes.Where(o => o.Outcome is not null).Select(o => new OutcomeCount(o.Outcome!.Value, o.Count)).OrderBy(o => o.Outcome).ToList(),
            outcomes.Where(o => o.Outcome is null).Sum(o => o.Count),
            rationale.Select(r => new RationaleCount(r.Disclose!.Value, r.Decisions, r.Lawful, r.Necessary, r.Proportionate, r.PressingNeed))
                .OrderByDescending(r => r.Disclose).ToList());
    }

    /// <summary>
    /// Per scheme and route, the closed applications received in the period, how many closed before their whole-process
    /// deadline (<c>ClosedAt &lt; DueAt</c>, counted in the database) and the median elapsed days from received to closed (to 0.01 of a day).
    /// </summary>
    public async Task<IReadOnlyList<TimelinessRow>> TimelinessAsync(IQueryable<DisclosureApplication> scoped, FiguresPeriod period, CancellationToken ct = default)
    {
        // One pass: a histogram of elapsed days to the nearest 0.01 (about 15 minutes) per scheme and route, with
        // how many of each closed in time. The counts are its sums; the median is read from it.
        var histogram = await Received(scoped, period)
            .Where(a => a.ClosedAt != null)
            .GroupBy(a => new { a.Scheme, a.Route, Days = Math.Round(ElapsedDays.Between(a.ReceivedAt, a.ClosedAt!.Value) * 100) / 100 })
            .Select(g => new { g.Key.Scheme, g.Key.Route, g.Key.Days, Count = g.Count(), WithinClock = g.Sum(a => a.ClosedAt < a.DueAt ? 1 : 0) })
            .ToListAsync(ct);
        var byKey = histogram.GroupBy(h => (h.Scheme, h.Route)).ToDictionary(g => g.Key, g => g.ToList());
        return SchemeRoutes()
            .Select(k => byKey.TryGetValue(k, out var rows)
                ? new TimelinessRow(k.Scheme, k.Route, rows.Sum(r => r.Count), rows.Sum(r => r.WithinClock), Median(rows.Select(r => (r.Days, r.Count)).ToList()))
                : new TimelinessRow(k.Scheme, k.Route, 0, 0, null))
            .ToList();
    }
    /// <summary>The median days an application spent in each stage, from the stage periods that have ended, of applications received in the period.</summary>
    public async Task<IReadOnlyList<StageTimeRow>> StageTimesAsync(IQueryable<DisclosureApplication> scoped, FiguresPeriod period, CancellationToken ct = default)
    {
        // A join from the applications in the period (read by ReceivedAt) to their periods (by ApplicationId), not
        // an IN over every stage period.
        var spans = await Received(scoped, period)
            .Join(db.StagePeriods, a => a.Id, p => p.ApplicationId, (a, p) => p)
            .Where(p => p.LeftAt != null && p.Stage != DisclosureStage.Closed)
            .GroupBy(p => new { p.Stage, Days = Math.Round(ElapsedDays.Between(p.EnteredAt, p.LeftAt!.Value) * 100) / 100 })
            .Select(g => new { g.Key.Stage, g.Key.Days, Count = g.Count() })
            .ToListAsync(ct);
        var byStage = spans.GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => g.Select(s => (s.Days, s.Count)).ToList());
        return Enum.GetValues<DisclosureStage>()
            .Where(s => s != DisclosureStage.Closed)
            .Select(s => byStage.TryGetValue(s, out var days) ? new StageTimeRow(s, days.Sum(d => d.Count), Median(days)) : new StageTimeRow(s, 0, null))
            .ToList();
    }

    /// <summary>Open applications now, per owner (with display names), and those nobody owns. Not limited to the period.</summary>
    public async Task<WorkloadFigures> WorkloadAsync(IQueryable<DisclosureApplication> scoped, CancellationToken ct = default)
    {
        var now = Now();
        var rows = await scoped
            .Where(a => a.ClosedAt == null)
            .GroupBy(a => a.OwnerUserId)
            .Select(g => new { Owner = g.Key, Open = g.Count(), Overdue = g.Sum(a => a.NextDueAt <= now ? 1 : 0) })
            .ToListAsync(ct);
        var names = await NamesAsync(rows.Where(r => r.Owner is not null).Select(r => r.Owner!), ct);
        var unallocated = rows.FirstOrDefault(r => r.Owner is null);
        return new WorkloadFigures(
            rows.Where(r => r.Owner is not null)
                .Select(r => new WorkloadRow(r.Owner!, names.GetValueOrDefault(r.Owner!, "Unknown user"), r.Open, r.Overdue))
                .OrderByDescending(r => r.Open).ThenBy(r => r.OwnerName, StringComparer.OrdinalIgnoreCase).ToList(),
            unallocated?.Open ?? 0,
            unallocated?.Overdue ?? 0);
    }

    /// <summary>Open applications now, those with a running deadline passed (<c>NextDueAt &lt;= now</c>), and the 10 received longest ago.</summary>
    public async Task<OverdueFigures> OverdueAsync(IQueryable<DisclosureApplication> scoped, CancellationToken ct = default)
    {
        var now = Now();
        var open = scoped.Where(a => a.ClosedAt == null);
        var counts = await open
            .GroupBy(a => 1)
            .Select(g => new { Open = g.Count(), Overdue = g.Sum(a => a.NextDueAt <= now ? 1 : 0) })
            .FirstOrDefaultAsync(ct);
        var longest = await open
            .OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id)
            .Take(LongestWaitingCount)
            .Select(a => new { a.Id, a.Scheme, a.Route, a.Stage, a.ReceivedAt, a.NextDueAt, a.OwnerUserId })
            .ToListAsync(ct);
        var names = await NamesAsync(longest.Where(a => a.OwnerUserId is not null).Select(a => a.OwnerUserId!), ct);
        return new OverdueFigures(counts?.Open ?? 0, counts?.Overdue ?? 0, longest
            .Select(a => new WaitingApplication(a.Id, DisclosureApplication.FormatReference(a.Scheme, a.Id), a.Scheme, a.Route, a.Stage,
                a.ReceivedAt, ClockMath.DaysElapsed(a.ReceivedAt, now), a.NextDueAt,
                a.OwnerUserId is null ? null : names.GetValueOrDefault(a.OwnerUserId, "Unknown user")))
            .ToList());
    }

    /// <summary>
    /// The Home Office figures for the year from 1 April to 31 March (London time) ending March <paramref name="yearEndingMarch"/>.
    /// Rule: an application counts in the year it was received (<c>ReceivedAt</c> in the year); a disclosure (outcome
    /// "Disclosure made") counts in the year its application was closed (<c>ClosedAt</c> in the year), whenever it was received.
    /// So 31 March 23:30 UTC in a summer-time year is 1 April in London and falls in the next year. CSODS counts both routes.
    /// </summary>
    public async Task<HomeOfficeFigures> HomeOfficeAsync(IQueryable<DisclosureApplication> scoped, int yearEndingMarch, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(yearEndingMarch, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yearEndingMarch, 9998);
        var year = new FiguresPeriod(new DateOnly(yearEndingMarch - 1, 4, 1), new DateOnly(yearEndingMarch, 3, 31));
        var start = year.StartUtc;
        var end = year.EndUtc;
        var rows = await scoped
            .Where(a => (a.ReceivedAt >= start && a.ReceivedAt < end) || (a.ClosedAt >= start && a.ClosedAt < end))
            .GroupBy(a => new { a.Scheme, a.Route })
            .Select(g => new
            {
                g.Key.Scheme,
                g.Key.Route,
                Applications = g.Sum(a => a.ReceivedAt >= start && a.ReceivedAt < end ? 1 : 0),
                AboutRso = g.Sum(a => a.ReceivedAt >= start && a.ReceivedAt < end && a.SubjectIsRegisteredSexOffender == true ? 1 : 0),
                Disclosures = g.Sum(a => a.Outcome == DisclosureOutcome.DisclosureMade && a.ClosedAt >= start && a.ClosedAt < end ? 1 : 0),
            })
            .ToListAsync(ct);
        var dvdsAsk = rows.FirstOrDefault(r => r.Scheme == Scheme.Dvds && r.Route == Route.RightToAsk);
        var dvdsKnow = rows.FirstOrDefault(r => r.Scheme == Scheme.Dvds && r.Route == Route.RightToKnow);
        var csods = rows.Where(r => r.Scheme == Scheme.Csods).ToList();
        return new HomeOfficeFigures(yearEndingMarch,
            dvdsAsk?.Applications ?? 0, dvdsAsk?.Disclosures ?? 0,
            dvdsKnow?.Applications ?? 0, dvdsKnow?.Disclosures ?? 0,
            csods.Sum(r => r.Applications), csods.Sum(r => r.AboutRso), csods.Sum(r => r.Disclosures));
    }

    /// <summary>The London months the period touches, as the first day of each.</summary>
    public static IReadOnlyList<DateOnly> MonthsOf(FiguresPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.To < period.From)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(period));
        }

        var first = new DateOnly(period.From.Year, period.From.Month, 1);
        var months = new List<DateOnly>();
        for (var m = first; m <= period.To; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        if (months.Count > MaxMonths)
        {
            throw new ArgumentException($"The period spans more than {MaxMonths} months.", nameof(period));
        }

        return months;
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count; null for none.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The median of values given with how often each occurs (a histogram): the middle one, or the mean of the two middle ones.</summary>
    public static double? Median(IReadOnlyList<(double Value, int Count)> histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Value).ToList();
        long total = sorted.Sum(h => (long)h.Count);
        if (total == 0)
        {
            return null;
        }

        // Zero-based positions of the middle value(s): one for an odd total, two for an even one.
        var lower = (total - 1) / 2;
        var upper = total / 2;
        double? atLower = null;
        long seen = 0;
        foreach (var (value, count) in sorted)
        {
            seen += count;
            if (atLower is null && seen > lower)
            {
                atLower = value;
            }

            if (seen > upper)
            {
                return (atLower!.Value + value) / 2;
            }
        }

        throw new InvalidOperationException("Unreachable: the positions lie within the total.");
    }

    private static IReadOnlyList<(Scheme Scheme, Route Route)> SchemeRoutes() =>
        [.. Enum.GetValues<Scheme>().SelectMany(s => Enum.GetValues<Route>().Select(r => (s, r)))];

    private static IQueryable<DisclosureApplication> Received(IQueryable<DisclosureApplication> scoped, FiguresPeriod period)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        ArgumentNullException.ThrowIfNull(period);
        var start = period.StartUtc;
        var end = period.EndUtc;
        return scoped.Where(a => a.ReceivedAt >= start && a.ReceivedAt < end);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>
    /// Swaps the <see cref="MonthIndex.Of"/> marker in a grouping key for a CASE over the months' first instants:
    /// <c>ReceivedAt &lt; start[1] ? 0 : ReceivedAt &lt; start[2] ? 1 : ...</c>, so London months group in SQL on both providers.
    /// </summary>
    private static Expression<Func<DisclosureApplication, TKey>> WithMonthIndex<TKey>(
        Expression<Func<DisclosureApplication, TKey>> key, IReadOnlyList<DateTime> monthStarts) =>
        (Expression<Func<DisclosureApplication, TKey>>)new MonthIndexExpander(monthStarts).Visit(key);

    private sealed class MonthIndexExpander(IReadOnlyList<DateTime> starts) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(MonthIndex))
            {
                return base.VisitMethodCall(node);
            }

            var instant = Visit(node.Arguments[0]);
            Expression index = Expression.Constant(starts.Count - 1);
            for (var i = starts.Count - 2; i >= 0; i--)
            {
                var nextStart = Expression.Constant(DateTime.SpecifyKind(starts[i + 1], DateTimeKind.Utc));
                index = Expression.Condition(Expression.LessThan(instant, nextStart), Expression.Constant(i), index);
            }

            return index;
        }
    }

    /// <summary>A marker in a query, replaced before it reaches EF Core; never run.</summary>
    private static class MonthIndex
    {
        public static int Of(DateTime instant) => throw new InvalidOperationException($"Not run: replaced by a CASE in the query ({instant:O}).");
    }
}
