using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Disclosures.Reporting;

/// <summary>
/// The disclosure dashboard's figures and the Home Office return, over the areas the caller's
/// <see cref="FiguresScope"/> allows (the web app asks <c>ApplicationRecordScope.FiguresScopeFor</c>). Nothing here
/// widens that scope: every query starts from it.
/// <para>
/// Each period figure has two halves. Closed applications received in whole London months are read from the monthly
/// roll-up (<see cref="FigureCell"/>, written as each closes); open applications, and closed ones received in a
/// month the period only partly covers, are counted from the rows. Counts are grouped in the database; medians come
/// from histograms of days to the nearest 0.1 (the dashboard shows one decimal place), since SQLite has no median.
/// A month is whole when the period covers it from its first day to its last, or up to today (nothing can be
/// received after now). One DbContext, so the queries run one after another.
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
    public async Task<DashboardFigures> ComputeAsync(FiguresScope scope, FiguresPeriod period, int homeOfficeYearEndingMarch,
        CancellationToken ct = default)
    {
        var now = Now();
        var volumes = await VolumesAsync(scope, period, ct);
        var outcomes = await OutcomesAsync(scope, period, ct);
        var timeliness = await TimelinessAsync(scope, period, ct);
        var stages = await StageTimesAsync(scope, period, ct);
        var workload = await WorkloadAsync(scope, ct);
        var overdue = await OverdueAsync(scope, ct);
        var homeOffice = await HomeOfficeAsync(scope, homeOfficeYearEndingMarch, ct);
        return new DashboardFigures(period, now, volumes, outcomes, timeliness, stages, workload, overdue, homeOffice);
    }

    /// <summary>Applications received in each London month of the period, by scheme and route.</summary>
    public async Task<VolumeFigures> VolumesAsync(FiguresScope scope, FiguresPeriod period, CancellationToken ct = default)
    {
        var months = MonthsOf(period);
        var split = Split(scope, period);
        var counts = new Dictionary<(int Month, Scheme Scheme, Route Route), int>();
        void Add(int month, Scheme scheme, Route route, int count) =>
            counts[(month, scheme, route)] = counts.GetValueOrDefault((month, scheme, route)) + count;

        // Each month's first instant in UTC, the first clipped to the period's start: a CASE over these gives the month.
        var starts = months.Select((m, i) => i == 0 ? period.StartUtc : FiguresPeriod.LondonMidnight(m)).ToList();
        var key = WithMonthIndex(a => new { a.Scheme, a.Route, Month = MonthIndex.Of(a.ReceivedAt) }, starts);
        foreach (var live in split.Live)
        {
            foreach (var r in await live.GroupBy(key).Select(g => new { g.Key.Scheme, g.Key.Route, g.Key.Month, Count = g.Count() }).ToListAsync(ct))
            {
                Add(r.Month, r.Scheme, r.Route, r.Count);
            }
        }

        if (split.Cells is { } cells)
        {
            var rolled = await cells.Where(c => c.Measure == FigureMeasure.Received)
                .GroupBy(c => new { c.Month, c.Scheme, c.Route })
                .Select(g => new { g.Key.Month, g.Key.Scheme, g.Key.Route, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct);
            foreach (var r in rolled)
            {
                Add(IndexOfMonth(months, r.Month), r.Scheme, r.Route, r.Count);
            }
        }

        return new VolumeFigures(months, counts
            .Select(c => new VolumeRow(months[c.Key.Month], c.Key.Scheme, c.Key.Route, c.Value))
            .OrderBy(r => r.Month).ThenBy(r => r.Scheme).ThenBy(r => r.Route)
            .ToList());
    }

    /// <summary>Outcomes of the applications received in the period, and the rationale parts their decision records have filled in.</summary>
    public async Task<OutcomeFigures> OutcomesAsync(FiguresScope scope, FiguresPeriod period, CancellationToken ct = default)
    {
        var split = Split(scope, period);
        var outcomes = new Dictionary<DisclosureOutcome, int>();
        var stillOpen = 0;
        var rationale = new Dictionary<bool, RationaleCount>();
        void AddRationale(bool disclose, int decisions, int lawful, int necessary, int proportionate, int pressingNeed)
        {
            var r = rationale.GetValueOrDefault(disclose) ?? new RationaleCount(disclose, 0, 0, 0, 0, 0);
            rationale[disclose] = new RationaleCount(disclose, r.Decisions + decisions, r.Lawful + lawful, r.Necessary + necessary,
                r.Proportionate + proportionate, r.PressingNeed + pressingNeed);
        }

        foreach (var live in split.Live)
        {
            foreach (var o in await live.GroupBy(a => a.Outcome).Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct))
            {
                if (o.Outcome is { } outcome)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + o.Count;
                }
                else
                {
                    stillOpen += o.Count;
                }
            }

            var decided = await live
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
            foreach (var r in decided)
            {
                AddRationale(r.Disclose!.Value, r.Decisions, r.Lawful, r.Necessary, r.Proportionate, r.PressingNeed);
            }
        }

        if (split.Cells is { } cells)
        {
            FigureMeasure[] measures = [FigureMeasure.Outcome, FigureMeasure.Decision, FigureMeasure.Lawful, FigureMeasure.Necessary,
                FigureMeasure.Proportionate, FigureMeasure.PressingNeed];
            var rolled = await cells.Where(c => measures.Contains(c.Measure))
                .GroupBy(c => new { c.Measure, c.Code })
                .Select(g => new { g.Key.Measure, g.Key.Code, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct);
            foreach (var r in rolled)
            {
                if (r.Measure == FigureMeasure.Outcome)
                {
                    var outcome = Enum.Parse<DisclosureOutcome>(r.Code);
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + r.Count;
                    continue;
                }

                int Part(FigureMeasure m) => r.Measure == m ? r.Count : 0;
                AddRationale(r.Code == FigureCell.Disclose, Part(FigureMeasure.Decision), Part(FigureMeasure.Lawful), Part(FigureMeasure.Necessary),
                    Part(FigureMeasure.Proportionate), Part(FigureMeasure.PressingNeed));
            }
        }

        return new OutcomeFigures(
            outcomes.Where(o => o.Value > 0).Select(o => new OutcomeCount(o.Key, o.Value)).OrderBy(o => o.Outcome).ToList(),
            stillOpen,
            rationale.Values.OrderByDescending(r => r.Disclose).ToList());
    }

    /// <summary>
    /// Per scheme and route, the closed applications received in the period, how many closed before their whole-process
    /// deadline (<c>ClosedAt &lt; DueAt</c>) and the median elapsed days from received to closed (to 0.1 of a day).
    /// </summary>
    public async Task<IReadOnlyList<TimelinessRow>> TimelinessAsync(FiguresScope scope, FiguresPeriod period, CancellationToken ct = default)
    {
        var split = Split(scope, period);
        var histogram = new List<(Scheme Scheme, Route Route, double Days, int Count)>();
        var withinClock = new Dictionary<(Scheme, Route), int>();
        foreach (var live in split.Live)
        {
            // Few rows (open work and part months), so the days are worked out here by the roll-up's own rounding:
            // the databases round a half differently, and a month must fall in the same buckets read either way.
            var rows = await live
                .Where(a => a.ClosedAt != null)
                .Select(a => new { a.Scheme, a.Route, a.ReceivedAt, ClosedAt = a.ClosedAt!.Value, a.DueAt })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                histogram.Add((r.Scheme, r.Route, FigureCell.TenthsBetween(r.ReceivedAt, r.ClosedAt) / 10.0, 1));
                withinClock[(r.Scheme, r.Route)] = withinClock.GetValueOrDefault((r.Scheme, r.Route)) + (r.ClosedAt < r.DueAt ? 1 : 0);
            }
        }

        if (split.Cells is { } cells)
        {
            var rolled = await cells.Where(c => c.Measure == FigureMeasure.DaysToClose || c.Measure == FigureMeasure.ClosedWithinClock)
                .GroupBy(c => new { c.Measure, c.Scheme, c.Route, c.Tenths })
                .Select(g => new { g.Key.Measure, g.Key.Scheme, g.Key.Route, g.Key.Tenths, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct);
            foreach (var r in rolled)
            {
                if (r.Measure == FigureMeasure.DaysToClose)
                {
                    histogram.Add((r.Scheme, r.Route, r.Tenths / 10.0, r.Count));
                }
                else
                {
                    withinClock[(r.Scheme, r.Route)] = withinClock.GetValueOrDefault((r.Scheme, r.Route)) + r.Count;
                }
            }
        }

        var byKey = histogram.GroupBy(h => (h.Scheme, h.Route)).ToDictionary(g => g.Key, g => g.Select(h => (h.Days, h.Count)).ToList());
        return SchemeRoutes()
            .Select(k => byKey.TryGetValue(k, out var rows)
                ? new TimelinessRow(k.Scheme, k.Route, rows.Sum(r => r.Count), withinClock.GetValueOrDefault(k), Median(rows))
                : new TimelinessRow(k.Scheme, k.Route, 0, 0, null))
            .ToList();
    }

    /// <summary>The median days an application spent in each stage, from the stage periods that have ended, of applications received in the period.</summary>
    public async Task<IReadOnlyList<StageTimeRow>> StageTimesAsync(FiguresScope scope, FiguresPeriod period, CancellationToken ct = default)
    {
        var split = Split(scope, period);
        var spans = new List<(DisclosureStage Stage, double Days, int Count)>();
        foreach (var live in split.Live)
        {
            // A join from the applications (read by ReceivedAt) to their periods (by ApplicationId), not an IN over
            // every stage period; the days are worked out here, as for timeliness.
            var rows = await live
                .Join(db.StagePeriods, a => a.Id, p => p.ApplicationId, (a, p) => p)
                .Where(p => p.LeftAt != null && p.Stage != DisclosureStage.Closed)
                .Select(p => new { p.Stage, p.EnteredAt, LeftAt = p.LeftAt!.Value })
                .ToListAsync(ct);
            spans.AddRange(rows.Select(r => (r.Stage, FigureCell.TenthsBetween(r.EnteredAt, r.LeftAt) / 10.0, 1)));
        }

        if (split.Cells is { } cells)
        {
            var rolled = await cells.Where(c => c.Measure == FigureMeasure.DaysInStage)
                .GroupBy(c => new { c.Code, c.Tenths })
                .Select(g => new { g.Key.Code, g.Key.Tenths, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct);
            spans.AddRange(rolled.Select(r => (Enum.Parse<DisclosureStage>(r.Code), r.Tenths / 10.0, r.Count)));
        }

        var byStage = spans.GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => g.Select(s => (s.Days, s.Count)).ToList());
        return Enum.GetValues<DisclosureStage>()
            .Where(s => s != DisclosureStage.Closed)
            .Select(s => byStage.TryGetValue(s, out var days) ? new StageTimeRow(s, days.Sum(d => d.Count), Median(days)) : new StageTimeRow(s, 0, null))
            .ToList();
    }

    /// <summary>Open applications now, per owner (with display names), and those nobody owns. Not limited to the period.</summary>
    public async Task<WorkloadFigures> WorkloadAsync(FiguresScope scope, CancellationToken ct = default)
    {
        var now = Now();
        var rows = await Applications(scope)
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
    public async Task<OverdueFigures> OverdueAsync(FiguresScope scope, CancellationToken ct = default)
    {
        var now = Now();
        var open = Applications(scope).Where(a => a.ClosedAt == null);
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
    /// A year is whole London months, so closed work comes from the roll-up and only open applications from the rows.
    /// </summary>
    public async Task<HomeOfficeFigures> HomeOfficeAsync(FiguresScope scope, int yearEndingMarch, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(yearEndingMarch, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yearEndingMarch, 9998);
        var year = new FiguresPeriod(new DateOnly(yearEndingMarch - 1, 4, 1), new DateOnly(yearEndingMarch, 3, 31));
        var start = year.StartUtc;
        var end = year.EndUtc;
        var firstMonth = year.From;
        var lastMonth = new DateOnly(yearEndingMarch, 3, 1);
        var open = await Applications(scope)
            .Where(a => a.ClosedAt == null && a.ReceivedAt >= start && a.ReceivedAt < end)
            .GroupBy(a => new { a.Scheme, a.Route })
            .Select(g => new { g.Key.Scheme, g.Key.Route, Applications = g.Count(), AboutRso = g.Sum(a => a.SubjectIsRegisteredSexOffender == true ? 1 : 0) })
            .ToListAsync(ct);
        FigureMeasure[] measures = [FigureMeasure.Received, FigureMeasure.AboutRegisteredSexOffender, FigureMeasure.Disclosed];
        var rolled = await scope.Cells(db.FigureCells.AsNoTracking())
            .Where(c => measures.Contains(c.Measure) && c.Month >= firstMonth && c.Month <= lastMonth)
            .GroupBy(c => new { c.Measure, c.Scheme, c.Route })
            .Select(g => new { g.Key.Measure, g.Key.Scheme, g.Key.Route, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        int Rolled(FigureMeasure m, Scheme s, Route r) => rolled.Where(x => x.Measure == m && x.Scheme == s && x.Route == r).Sum(x => x.Count);
        var rows = SchemeRoutes().Select(k => new
        {
            k.Scheme,
            k.Route,
            Applications = open.Where(r => r.Scheme == k.Scheme && r.Route == k.Route).Sum(r => r.Applications) + Rolled(FigureMeasure.Received, k.Scheme, k.Route),
            AboutRso = open.Where(r => r.Scheme == k.Scheme && r.Route == k.Route).Sum(r => r.AboutRso)
                + Rolled(FigureMeasure.AboutRegisteredSexOffender, k.Scheme, k.Route),
            Disclosures = Rolled(FigureMeasure.Disclosed, k.Scheme, k.Route),
        }).ToList();
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

    /// <summary>Where each part of a period is counted: the roll-up's cells for its whole months, the rows for the rest.</summary>
    private sealed record PeriodSplit(IReadOnlyList<IQueryable<DisclosureApplication>> Live, IQueryable<FigureCell>? Cells);

    /// <summary>
    /// Splits a period: open applications received in it, and closed ones received in a month it covers only in
    /// part, from the rows; closed ones received in its whole months from the roll-up. The parts do not overlap.
    /// </summary>
    private PeriodSplit Split(FiguresScope scope, FiguresPeriod period)
    {
        var months = MonthsOf(period);
        var today = London.Today(clock);
        var whole = months.Where(m => period.From <= m && (period.To >= m.AddMonths(1).AddDays(-1) || period.To >= today)).ToList();
        var apps = Applications(scope);
        var start = period.StartUtc;
        var end = period.EndUtc;
        var live = new List<IQueryable<DisclosureApplication>> { apps.Where(a => a.ClosedAt == null && a.ReceivedAt >= start && a.ReceivedAt < end) };
        if (whole.Count == 0)
        {
            live.Add(apps.Where(a => a.ClosedAt != null && a.ReceivedAt >= start && a.ReceivedAt < end));
            return new PeriodSplit(live, null);
        }

        // Whole months are consecutive: only the first and the last month of a period can be partly covered.
        var wholeStart = FiguresPeriod.LondonMidnight(whole[0]);
        var wholeEnd = FiguresPeriod.LondonMidnight(whole[^1].AddMonths(1));
        if (start < wholeStart)
        {
            live.Add(apps.Where(a => a.ClosedAt != null && a.ReceivedAt >= start && a.ReceivedAt < wholeStart));
        }

        if (wholeEnd < end)
        {
            live.Add(apps.Where(a => a.ClosedAt != null && a.ReceivedAt >= wholeEnd && a.ReceivedAt < end));
        }

        var first = whole[0];
        var last = whole[^1];
        return new PeriodSplit(live, scope.Cells(db.FigureCells.AsNoTracking()).Where(c => c.Month >= first && c.Month <= last));
    }

    private IQueryable<DisclosureApplication> Applications(FiguresScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Applications(db.DisclosureApplications.AsNoTracking());
    }

    private static int IndexOfMonth(IReadOnlyList<DateOnly> months, DateOnly month)
    {
        var index = months.ToList().IndexOf(month);
        return index >= 0 ? index : throw new InvalidOperationException($"The roll-up returned {month:yyyy-MM}, outside the period.");
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
