using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Bench.Disclosures;
using Safeguard.Bench.Incidents;
using Safeguard.Bench.Marac;
using Safeguard.Bench.People;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;

// Measured scenarios on a stated data size. Usage:
//   Safeguard.Bench --provider Sqlite|PostgreSQL --connection "..." --events 1000000 --people 1000000
//     --pairs 10000 --searches 500 --applications 200000 --scenarios audit,people,matching,disclosures,incidents,marac --out report.json
var options = Args.Parse(args);
var database = new DatabaseOptions { Provider = options.Provider, ConnectionString = options.Connection };
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddSafeguardCore(database, Directory.GetCurrentDirectory())
    .BuildServiceProvider();

if (!options.Reuse)
{
    using var scope = services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
    await db.Database.EnsureDeletedAsync();
    await DatabaseSetup.MigrateAsync(db);
}

var report = new Dictionary<string, object>
{
    ["provider"] = database.Provider,
    ["machine"] = Machine(),
    ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
};

if (options.Runs("audit"))
{
    report["auditEvents"] = options.Events;
    // 1. Load: events appended in batches, as a busy day of page views would, through the real chain code.
    var load = Stopwatch.StartNew();
    const int batch = 5000;
    for (var done = 0; done < options.Events; done += batch)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().ChangeTracker.AutoDetectChangesEnabled = false;
        await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
        for (var i = done; i < Math.Min(done + batch, options.Events); i++)
        {
            write.Record("person.viewed", "Person", $"P{i % 250_000}", actorUserId: $"user-{i % 2000}", summary: "viewed");
        }

        await write.CommitAsync();
    }

    report["loadSeconds"] = Math.Round(load.Elapsed.TotalSeconds, 1);

    // 2. One audited view on top of that table: what every page view pays.
    report["singleAppendMs"] = await Percentiles(200, async () =>
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("person.viewed", "Person", "P1", actorUserId: "user-1");
    });

    // 3. The auditor's filters: one user's latest events, and one record's history.
    report["filterByUserMs"] = await Percentiles(100, async () =>
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var user = $"user-{Random.Shared.Next(2000)}";
        _ = await db.AuditEvents.AsNoTracking().Where(e => e.ActorUserId == user).OrderByDescending(e => e.Sequence).Take(100).ToListAsync();
    });
    report["filterByRecordMs"] = await Percentiles(100, async () =>
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var record = $"P{Random.Shared.Next(250_000)}";
        _ = await db.AuditEvents.AsNoTracking().Where(e => e.RecordType == "Person" && e.RecordId == record).OrderByDescending(e => e.Sequence).Take(100).ToListAsync();
    });

    // 4. The chain check over everything.
    var verify = Stopwatch.StartNew();
    using (var scope = services.CreateScope())
    {
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        if (!result.IsIntact)
        {
            throw new InvalidOperationException("The benchmark's own chain is broken: " + result.Problem);
        }

        report["verifySeconds"] = Math.Round(verify.Elapsed.TotalSeconds, 1);
        report["verifyEventsPerSecond"] = (long)(result.EventsChecked / verify.Elapsed.TotalSeconds);
    }
}

if (options.Runs("people"))
{
    // Search before create on a national-scale person index.
    var (people, loaded) = await PeopleScenarios.LoadAsync(services, options.People);
    report["peopleLoad"] = loaded;
    report["personSearchMs"] = await PeopleScenarios.SearchAsync(services, people, options.Searches);
}

if (options.Runs("matching"))
{
    // Matching quality does not touch the database; it is the same on either provider.
    report["matchingQuality"] = MatchingQuality.Run(options.Pairs);
}

if (options.Runs("disclosures"))
{
    // Clare's and Sarah's Law: five years of a large force's applications, against a fixed "now".
    // The machine may be shared: say how busy it was around these timings.
    report["loadAverageBefore"] = File.ReadAllText("/proc/loadavg").Trim();
    await using var disclosureServices = DisclosureScenarios.Services(database);
    Safeguard.Bench.Disclosures.Bench bench;
    if (options.Reuse)
    {
        // Investigation only: time the scenarios again on a database kept by an earlier --keep run.
        bench = await DisclosureScenarios.FromDatabaseAsync(disclosureServices);
    }
    else
    {
        (bench, var loaded) = await DisclosureScenarios.LoadAsync(disclosureServices, options.Applications);
        report["disclosureLoad"] = loaded;
    }

    report["boardMs"] = await DisclosureScenarios.BoardAsync(disclosureServices, bench, new BoardFilter());
    report["boardResearchOverdueMs"] = await DisclosureScenarios.BoardAsync(disclosureServices, bench,
        new BoardFilter(DisclosureStage.Research, ClockState.Overdue));
    report["stageChange"] = await DisclosureScenarios.StageChangeAsync(disclosureServices, bench);
    report["dashboardSupervisorMs"] = await DashboardScenario.RunAsync(disclosureServices, bench, auditor: false);
    report["dashboardAuditorMs"] = await DashboardScenario.RunAsync(disclosureServices, bench, auditor: true);
    report["loadAverageAfter"] = File.ReadAllText("/proc/loadavg").Trim();
}

if (options.Runs("incidents"))
{
    // Issue 5's target: 100,000 incident rows imported, validated, in 30 seconds or less (--incidents N).
    report["loadAverageBefore"] = File.ReadAllText("/proc/loadavg").Trim();
    report["incidentImport"] = await IncidentScenario.RunAsync(database, options.Incidents);
}

if (options.Runs("dramm"))
{
    // Issue 5's target: a day's list of about 60 cases built, ordered and its pack made in 1 second or less.
    report["loadAverageBefore"] = File.ReadAllText("/proc/loadavg").Trim();
    report["drammList"] = await Safeguard.Bench.Dramm.DrammScenario.RunAsync(database, options.DrammBackground, options.DrammWindow, options.DrammRuns);
    report["loadAverageAfter"] = File.ReadAllText("/proc/loadavg").Trim();
}

if (options.Runs("marac"))
{
    // Issue 6's target: build and release the pack of a 40-case MARAC in 2 seconds or less (--marac-iterations N).
    report["loadAverageBefore"] = File.ReadAllText("/proc/loadavg").Trim();
    report["maracPack"] = await MaracScenario.RunAsync(database, options.MaracIterations);
    report["loadAverageAfter"] = File.ReadAllText("/proc/loadavg").Trim();
}

if (options.Runs("marac-live"))
{
    // Issue 6's target: each live-meeting save in 100 ms or less at the 95th percentile, 30 readers on the same meeting.
    report["maracLive"] = await Safeguard.Bench.Marac.MaracLiveScenario.RunAsync(database, options.MaracSaves);
}

var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
if (options.Out is not null)
{
    await File.WriteAllTextAsync(options.Out, json);
}

if (!options.Keep && !options.Reuse)
{
    using var scope = services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.EnsureDeletedAsync();
}

static async Task<object> Percentiles(int runs, Func<Task> action)
{
    await action(); // warm up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    double At(double p) => Math.Round(times[(int)Math.Ceiling(p * times.Count) - 1], 2);
    return new { p50 = At(0.50), p95 = At(0.95), max = At(1.0), runs };
}

static string Machine()
{
    var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var gib = memory is { Length: >= 2 } ? Math.Round(long.Parse(memory[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0, 1) : 0;
    return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {gib} GiB, {Environment.OSVersion}, .NET {Environment.Version}");
}

internal sealed record Args(string Provider, string Connection, int Events, int People, int Pairs, int Searches, IReadOnlyList<string> Scenarios, string? Out)
{
    /// <summary>Disclosure applications to load (--applications): five years of a large force by default.</summary>
    public int Applications { get; init; } = 200_000;

    /// <summary>Incident rows in the synthetic police export (--incidents): the issue's 100,000 by default.</summary>
    public int Incidents { get; init; } = 100_000;

    /// <summary>Saves the co-ordinator makes in each marac-live run (--marac-saves).</summary>
    public int MaracSaves { get; init; } = 300;

    /// <summary>Leave the database in place afterwards (--keep), to look at query plans.</summary>
    public bool Keep { get; init; }

    /// <summary>Time the scenarios on a database a --keep run left, without loading it again (--reuse; disclosures only).</summary>
    public bool Reuse { get; init; }

    /// <summary>Older incidents behind the DRAMM list (--dramm-background), the window's incidents (--dramm-window), timed runs (--dramm-runs).</summary>
    public int DrammBackground { get; init; } = 5_000;

    public int DrammWindow { get; init; } = 130;

    public int DrammRuns { get; init; } = 20;
    /// <summary>Timed rounds of the MARAC scenario (--marac-iterations), each on a fresh meeting.</summary>
    public int MaracIterations { get; init; } = 20;

    public bool Runs(string scenario) => Scenarios.Contains(scenario, StringComparer.OrdinalIgnoreCase);

    public static Args Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Args(
            Value("--provider") ?? DatabaseOptions.Sqlite,
            Value("--connection") ?? $"Data Source={Path.Combine(Path.GetTempPath(), "safeguard-bench.db")}",
            int.Parse(Value("--events") ?? "200000", CultureInfo.InvariantCulture),
            int.Parse(Value("--people") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Value("--pairs") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Value("--searches") ?? "500", CultureInfo.InvariantCulture),
            (Value("--scenarios") ?? "audit,people,matching,disclosures").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Value("--out"))
        {
            Keep = args.Contains("--keep"),
            Reuse = args.Contains("--reuse"),
            Applications = int.Parse(Value("--applications") ?? "200000", CultureInfo.InvariantCulture),
            Incidents = int.Parse(Value("--incidents") ?? "100000", CultureInfo.InvariantCulture),
            DrammBackground = int.Parse(Value("--dramm-background") ?? "5000", CultureInfo.InvariantCulture),
            DrammWindow = int.Parse(Value("--dramm-window") ?? "130", CultureInfo.InvariantCulture),
            DrammRuns = int.Parse(Value("--dramm-runs") ?? "20", CultureInfo.InvariantCulture),
            MaracIterations = int.Parse(Value("--marac-iterations") ?? "20", CultureInfo.InvariantCulture),
            MaracSaves = int.Parse(Value("--marac-saves") ?? "300", CultureInfo.InvariantCulture),
        };
    }
}
