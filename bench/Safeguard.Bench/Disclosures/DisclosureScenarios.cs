using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.Core;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;

namespace Safeguard.Bench.Disclosures;

/// <summary>
/// Clare's Law and Sarah's Law at the size of five years of a large force: the load, the supervisor's board as the
/// page runs it, and a stage change through the real service with its audited write. Everything runs against a
/// fixed "now" (<see cref="Now"/>) through the services' TimeProvider, so open work and its clocks are the same
/// on every run.
/// </summary>
internal static class DisclosureScenarios
{
    public static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    public const int AreaCount = 10;
    public const int CruUsers = 60;
    public const int SupervisorAreas = 3;

    private const int BoardRuns = 200;
    private const int BoardWarmUp = 20;
    private const int StageRuns = 200;
    private const int StageWarmUp = 10;

    public static ServiceProvider Services(DatabaseOptions database) =>
        new ServiceCollection()
            .AddLogging(b =>
            {
                // BENCH_SQL=1 prints every command EF sends, to read the plans of exactly those statements.
                if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
                {
                    b.AddSimpleConsole().AddFilter((category, level) => category == DbLoggerCategory.Database.Command.Name && level >= LogLevel.Information);
                }
            })
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSafeguardCore(database, Directory.GetCurrentDirectory())
            .BuildServiceProvider();

    /// <summary>Areas, the CRU staff and the scheme defaults, then N applications generated in memory and written; each part timed.</summary>
    public static async Task<(Bench Bench, Dictionary<string, object> Report)> LoadAsync(IServiceProvider services, int count)
    {
        var setup = Stopwatch.StartNew();
        List<int> areaIds;
        Dictionary<int, string[]> usersByArea;
        List<DisclosureScheme> schemes;
        WorkingCalendar calendar;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await scope.ServiceProvider.GetRequiredService<DisclosureSettings>().EnsureDefaultsAsync();

            // The people bench names its areas the same way: reuse them when both sets run on one database.
            for (var i = 1; i <= AreaCount; i++)
            {
                var name = $"Bench area {i}";
                if (!await db.Areas.AnyAsync(a => a.Name == name))
                {
                    db.Areas.Add(new Area { Name = name, CreatedAt = Now, Version = 1 });
                }
            }

            var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == "Bench Constabulary (fictional)");
            if (agency is null)
            {
                agency = new Agency { Name = "Bench Constabulary (fictional)", Kind = AgencyKind.Police, CreatedAt = Now, Version = 1 };
                db.Agencies.Add(agency);
            }

            await db.SaveChangesAsync();
            areaIds = await db.Areas.Where(a => a.Name.StartsWith("Bench area ")).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();

            // 60 CRU staff, six to an area; every fifth also covers the next area.
            var userAreas = new List<UserArea>();
            for (var i = 1; i <= CruUsers; i++)
            {
                var id = $"bench-cru-{i:D2}";
                var userName = $"bench.cru.{i:D2}@bench.example.org";
                db.Users.Add(new User
                {
                    Id = id, DisplayName = $"Bench CRU officer {i:D2}", AgencyId = agency.Id, CreatedAt = Now,
                    UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = userName, NormalizedEmail = userName.ToUpperInvariant(),
                    EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                });
                userAreas.Add(new UserArea { UserId = id, AreaId = areaIds[i % AreaCount] });
                if (i % 5 == 0)
                {
                    userAreas.Add(new UserArea { UserId = id, AreaId = areaIds[(i + 1) % AreaCount] });
                }
            }

            db.UserAreas.AddRange(userAreas);
            await db.SaveChangesAsync();
            usersByArea = userAreas.GroupBy(ua => ua.AreaId).ToDictionary(g => g.Key, g => g.Select(ua => ua.UserId).ToArray());
            schemes = await db.DisclosureSchemes.AsNoTracking().Include(s => s.Clocks).ToListAsync();
            calendar = await scope.ServiceProvider.GetRequiredService<DisclosureSettings>().CalendarAsync();
        }

        var setupSeconds = setup.Elapsed.TotalSeconds;
        var generate = Stopwatch.StartNew();
        var set = new SyntheticApplications(20261122, Now, areaIds, usersByArea, schemes, calendar)
            .Generate(count, atEachStageAtLeast: StageRuns + StageWarmUp + 20);
        var generateSeconds = generate.Elapsed.TotalSeconds;

        var write = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var connection = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await ApplicationLoader.LoadAsync(connection, set);
            await connection.CloseAsync();
        }

        var writeSeconds = write.Elapsed.TotalSeconds;

        // The dashboard's monthly roll-up of the closed work, counted by the Core's own rebuild (what startup runs on
        // a database from before the roll-up), then its statistics, so the figures' plans are the settled ones.
        var rollUp = Stopwatch.StartNew();
        int rolledUpApplications, figureCells;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            rolledUpApplications = await scope.ServiceProvider.GetRequiredService<FigureCells>().RebuildAsync();
            figureCells = await db.FigureCells.CountAsync();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE \"FigureCells\"" : "ANALYZE");
        }

        var rollUpSeconds = rollUp.Elapsed.TotalSeconds;
        var apps = set.Applications;
        var open = apps.Where(a => a.IsOpen).ToList();
        double Share(Func<DisclosureApplication, bool> p, List<DisclosureApplication> of) => Math.Round(100.0 * of.Count(p) / of.Count, 1);
        var closed = apps.Where(a => !a.IsOpen).ToList();
        var report = new Dictionary<string, object>
        {
            ["now"] = Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["applications"] = apps.Count,
            ["extraOpenForStageChange"] = set.Extras,
            ["stagePeriods"] = set.Periods.Count,
            ["applicationEvents"] = set.Events.Count,
            ["areas"] = AreaCount,
            ["cruUsers"] = CruUsers,
            ["open"] = open.Count,
            ["openByStage"] = open.GroupBy(a => a.Stage).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count()),
            ["openOverdue"] = open.Count(a => (a.NextDueAt ?? a.DueAt) <= Now),
            ["openUrgentUnacknowledged"] = open.Count(a => a.Urgent && a.UrgentAcknowledgedAt is null),
            ["openUnallocated"] = open.Count(a => a.OwnerUserId is null),
            ["schemeSharePercent"] = apps.GroupBy(a => $"{a.Scheme} {a.Route}").ToDictionary(g => g.Key, g => Math.Round(100.0 * g.Count() / apps.Count, 1)),
            ["closedOutcomeSharePercent"] = closed.GroupBy(a => a.Outcome!.Value).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => Share(a => a.Outcome == g.Key, closed)),
            ["urgentPercent"] = Share(a => a.Urgent, apps),
            ["setupSeconds"] = Math.Round(setupSeconds, 1),
            ["generateSeconds"] = Math.Round(generateSeconds, 1),
            ["writeSeconds"] = Math.Round(writeSeconds, 1),
            ["applicationsPerSecond"] = (long)(apps.Count / (generateSeconds + writeSeconds)),
            ["rollUpSeconds"] = Math.Round(rollUpSeconds, 1),
            ["rolledUpApplications"] = rolledUpApplications,
            ["figureCells"] = figureCells,
        };
        var bench = new Bench(areaIds, usersByArea,
            open.Where(a => a.Stage == DisclosureStage.Research).Select(a => new Target(a.Id, a.Version, a.Scheme, a.AreaId, a.OwnerUserId)).ToList(),
            open.Where(a => a.Stage == DisclosureStage.CriteriaReview).Select(a => new Target(a.Id, a.Version, a.Scheme, a.AreaId, a.OwnerUserId)).ToList());
        return (bench, report);
    }

    /// <summary>What the scenarios need, read back from a database an earlier run kept.</summary>
    public static async Task<Bench> FromDatabaseAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var areaIds = await db.Areas.Where(a => a.Name.StartsWith("Bench area ")).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var usersByArea = (await db.UserAreas.Where(ua => ua.UserId.StartsWith("bench-cru-")).ToListAsync())
            .GroupBy(ua => ua.AreaId).ToDictionary(g => g.Key, g => g.Select(ua => ua.UserId).ToArray());
        async Task<List<Target>> At(DisclosureStage stage) => await db.DisclosureApplications
            .Where(a => a.ClosedAt == null && a.Stage == stage && !db.ResearchChecks.Any(c => c.ApplicationId == a.Id))
            .OrderBy(a => a.Id).Select(a => new Target(a.Id, a.Version, a.Scheme, a.AreaId, a.OwnerUserId)).ToListAsync();
        return new Bench(areaIds, usersByArea, await At(DisclosureStage.Research), await At(DisclosureStage.CriteriaReview));
    }

    /// <summary>
    /// The board page's queries for a supervisor of three areas: <see cref="DisclosureWorkList.BoardAsync"/> on what
    /// the application scope lets them see, then the workload by owner and the owners' names. A fresh DbContext each.
    /// (The page also appends one audit event, "disclosure.board-viewed": that is the audit set's single append.)
    /// </summary>
    public static async Task<Dictionary<string, object>> BoardAsync(IServiceProvider services, Bench bench, BoardFilter filter)
    {
        // ApplicationRecordScope.VisibleTo for a CRU user: principal.AreaIds().ToList(), then Contains.
        var areas = bench.AreaIds.Take(SupervisorAreas).ToList();
        Board? last = null;
        var workloadRows = 0;
        var times = await Timing.RunAsync(BoardWarmUp, BoardRuns, async () =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var work = scope.ServiceProvider.GetRequiredService<DisclosureWorkList>();
            var sw = Stopwatch.StartNew();
            var visible = db.DisclosureApplications.Where(a => areas.Contains(a.AreaId));
            var board = await work.BoardAsync(visible, filter);
            var load = await visible.Where(a => a.ClosedAt == null && a.OwnerUserId != null).GroupBy(a => a.OwnerUserId!)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var ids = load.Select(l => l.Key).ToList();
            var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            var workload = load.Select(l => (l.Key, names.GetValueOrDefault(l.Key, "Former user"), l.Count)).OrderByDescending(l => l.Count).ThenBy(l => l.Item2).ToList();
            var ms = sw.Elapsed.TotalMilliseconds;
            last = board;
            workloadRows = workload.Count;
            return ms;
        });
        var report = Timing.Summary(times, BoardWarmUp);
        report["supervisorAreas"] = areas.Count;
        report["filter"] = $"stage={filter.Stage?.ToString() ?? "all"} state={filter.State?.ToString() ?? "all"}";
        report["openVisible"] = last!.ByStage.Values.Sum();
        report["overdueVisible"] = last.ByState[ClockState.Overdue];
        report["matchingFilter"] = last.Total;
        report["itemsOnPage"] = last.Items.Count;
        report["urgentAlerts"] = last.UrgentAlerts.Count;
        report["workloadRows"] = workloadRows;
        return report;
    }

    /// <summary>
    /// A stage change through the real DisclosureService, audited write included: research completed (after a check,
    /// recorded untimed in its own scope) and criteria reviews. A fresh scope per call, acting as a CRU user of the area.
    /// </summary>
    public static async Task<Dictionary<string, object>> StageChangeAsync(IServiceProvider services, Bench bench)
    {
        var research = Shuffle(bench.AtResearch).Take(StageWarmUp + StageRuns).ToList();
        var review = Shuffle(bench.AtCriteriaReview).Take(StageWarmUp + StageRuns).ToList();
        if (research.Count <= StageWarmUp || review.Count <= StageWarmUp)
        {
            return new Dictionary<string, object> { ["skipped"] = $"too few open applications left: {research.Count} at research, {review.Count} at criteria review" };
        }

        int sourceId;
        using (var scope = services.CreateScope())
        {
            sourceId = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().ResearchSources.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        string Actor(Target t) => t.OwnerUserId ?? bench.UsersByArea[t.AreaId][0];
        var today = Safeguard.Core.Common.London.DateOf(Now);

        var n = 0;
        var researchTimes = await Timing.RunAsync(StageWarmUp, research.Count - StageWarmUp, async () =>
        {
            var t = research[n++];
            using (var check = services.CreateScope())
            {
                check.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Actor(t);
                Must(await check.ServiceProvider.GetRequiredService<DisclosureService>().AddCheckAsync(t.Id,
                    new CheckInput(sourceId, today, CheckResult.NothingFound, "Nothing held on the subject")), "check");
            }

            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Actor(t);
            var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
            var sw = Stopwatch.StartNew();
            var result = await service.CompleteResearchAsync(t.Id, t.Version,
                new ResearchInput(RiskLevel.Medium, "Historic incidents with a previous partner; no recent intelligence", t.Scheme == Scheme.Csods ? false : null));
            var ms = sw.Elapsed.TotalMilliseconds;
            Must(result, "complete research");
            return ms;
        });

        n = 0;
        var reviewTimes = await Timing.RunAsync(StageWarmUp, review.Count - StageWarmUp, async () =>
        {
            var t = review[n++];
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Actor(t);
            var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
            var sw = Stopwatch.StartNew();
            var result = await service.RecordCriteriaReviewAsync(t.Id, t.Version, new CriteriaReviewInput(true, "Intimate partner relationship; within the scheme", null));
            var ms = sw.Elapsed.TotalMilliseconds;
            Must(result, "criteria review");
            return ms;
        });

        long auditEvents;
        using (var scope = services.CreateScope())
        {
            auditEvents = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().AuditEvents.LongCountAsync();
        }

        return new Dictionary<string, object>
        {
            ["completeResearchMs"] = Timing.Summary(researchTimes, StageWarmUp),
            ["criteriaReviewMs"] = Timing.Summary(reviewTimes, StageWarmUp),
            ["availableAtResearch"] = bench.AtResearch.Count,
            ["availableAtCriteriaReview"] = bench.AtCriteriaReview.Count,
            ["auditEventsAfter"] = auditEvents,
        };
    }

    private static void Must<T>(Safeguard.Core.Common.Result<T> result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The bench's {what} failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    private static List<Target> Shuffle(List<Target> targets)
    {
        var random = new Random(42);
        var copy = targets.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }
}

internal sealed record Timings(List<double> Times, double CpuMsPerRun);

internal sealed record Target(int Id, int Version, Scheme Scheme, int AreaId, string? OwnerUserId);

internal sealed record Bench(List<int> AreaIds, Dictionary<int, string[]> UsersByArea, List<Target> AtResearch, List<Target> AtCriteriaReview);

/// <summary>Warm-up runs, then timed runs; p50/p95/p99 by the nearest-rank method, as the other sets report them.</summary>
internal static class Timing
{
    /// <summary>
    /// The timed runs' wall times, and the CPU time this process used over them per run: on a shared machine the
    /// wall time includes waiting for a core, the CPU time does not (for SQLite it is nearly all the work; for
    /// PostgreSQL the server's share is not in it).
    /// </summary>
    public static async Task<Timings> RunAsync(int warmUp, int runs, Func<Task<double>> once)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await once();
        }

        var times = new List<double>(runs);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            times.Add(await once());
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        return new Timings(times, cpuMs);
    }

    public static Dictionary<string, object> Summary(Timings timings, int warmUp)
    {
        var times = timings.Times;
        if (Environment.GetEnvironmentVariable("BENCH_TIMES") == "1")
        {
            Console.Error.WriteLine(string.Join(" ", times.Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
        }

        var sorted = times.Order().ToList();
        double At(double p) => Math.Round(sorted[(int)Math.Ceiling(p * sorted.Count) - 1], 2);
        return new Dictionary<string, object>
        {
            ["runs"] = sorted.Count,
            ["warmUp"] = warmUp,
            ["p50"] = At(0.50),
            ["p95"] = At(0.95),
            ["p99"] = At(0.99),
            ["max"] = At(1.0),
            ["mean"] = Math.Round(sorted.Average(), 2),
            ["processCpuMsPerRun"] = Math.Round(timings.CpuMsPerRun, 2),
        };
    }
}
