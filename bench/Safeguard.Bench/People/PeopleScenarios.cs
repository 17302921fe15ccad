using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Bench.People;

internal enum NearMissKind
{
    Twins,
    Siblings,
    ParentAndChild,
    Namesakes,
    SameSurnameAndDateOfBirth,
    SameFirstNameAndDateOfBirth,
    Partners,
}

internal static class PeopleScenarios
{
    public const int AreaCount = 10;

    private static readonly DateOnly Today = new(2026, 11, 22);

    /// <summary>Generates N people in memory, then writes them with their match keys; both timed.</summary>
    public static async Task<(List<SynthPerson> People, Dictionary<string, object> Report)> LoadAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        for (var i = 1; i <= AreaCount; i++)
        {
            db.Areas.Add(new Area { Name = $"Bench area {i}", CreatedAt = DateTime.UtcNow, Version = 1 });
        }

        await db.SaveChangesAsync();
        var areaIds = await db.Areas.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var synthetic = new Synthetic(seed: 20261122, AreaCount);
        var generate = Stopwatch.StartNew();
        var people = new List<SynthPerson>(count);
        for (var id = 1; id <= count; id++)
        {
            var p = synthetic.Person(id);
            p.Areas = p.Areas.Select(a => areaIds[a - 1]).ToArray();
            people.Add(p);
        }

        var generateSeconds = generate.Elapsed.TotalSeconds;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var load = Stopwatch.StartNew();
        var counts = await PeopleLoader.LoadAsync(connection, people);
        var loadSeconds = load.Elapsed.TotalSeconds;
        await connection.CloseAsync();
        return (people, new Dictionary<string, object>
        {
            ["people"] = counts.People,
            ["names"] = counts.Names,
            ["addresses"] = counts.Addresses,
            ["areaRows"] = counts.Areas,
            ["matchKeys"] = counts.Keys,
            ["generateSeconds"] = Math.Round(generateSeconds, 1),
            ["writeSeconds"] = Math.Round(loadSeconds, 1),
            ["peoplePerSecond"] = (long)(counts.People / (generateSeconds + loadSeconds)),
        });
    }

    /// <summary>
    /// Search before create through the real PersonSearch, as a user who works in three of the ten areas:
    /// mostly people in those areas typed with the usual errors, some people held only by other areas, and
    /// some nobody has recorded. A fresh DbContext per search, as a web request has.
    /// </summary>
    public static async Task<Dictionary<string, object>> SearchAsync(IServiceProvider services, List<SynthPerson> people, int runs)
    {
        int[] userAreas;
        using (var scope = services.CreateScope())
        {
            userAreas = (await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Areas.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync()).Take(3).ToArray();
        }

        var synthetic = new Synthetic(seed: 7, AreaCount);
        var errors = new Errors(synthetic);
        var inArea = people.Where(p => p.Areas.Any(userAreas.Contains)).ToList();
        var outOfArea = people.Where(p => !p.Areas.Any(userAreas.Contains)).ToList();
        var warmUp = 50;
        var times = new List<double>();
        int expected = 0, found = 0, leaked = 0, results = 0;
        for (var i = 0; i < warmUp + runs; i++)
        {
            var roll = synthetic.Random.NextDouble();
            var (target, shouldFind) = roll < 0.8 ? (inArea[synthetic.Random.Next(inArea.Count)], true)
                : roll < 0.9 ? (outOfArea[synthetic.Random.Next(outOfArea.Count)], false)
                : (synthetic.Person(-1), false);
            var typed = synthetic.Random.NextDouble() < 0.2 ? target : errors.Apply(target, errors.Choose(target));
            var query = MatchingQuality.QueryOf(typed, synthetic.Random);
            using var scope = services.CreateScope();
            var search = scope.ServiceProvider.GetRequiredService<PersonSearch>();
            var sw = Stopwatch.StartNew();
            var outcome = await search.SearchAsync(query, userAreas);
            var ms = sw.Elapsed.TotalMilliseconds;
            if (i < warmUp)
            {
                continue;
            }

            times.Add(ms);
            results += outcome.Candidates.Count;
            var hit = outcome.Candidates.Any(c => c.Person.Id == target.Id);
            if (shouldFind)
            {
                expected++;
                found += hit ? 1 : 0;
            }
            else if (target.Id > 0 && hit)
            {
                leaked++;
            }
        }

        times.Sort();
        double At(double p) => Math.Round(times[(int)Math.Ceiling(p * times.Count) - 1], 2);
        return new Dictionary<string, object>
        {
            ["runs"] = runs,
            ["warmUp"] = warmUp,
            ["userAreas"] = userAreas.Length,
            ["p50"] = At(0.50),
            ["p95"] = At(0.95),
            ["p99"] = At(0.99),
            ["max"] = At(1.0),
            ["meanResults"] = Math.Round((double)results / runs, 1),
            ["inAreaQueries"] = expected,
            ["inAreaFound"] = found,
            ["outOfAreaShown"] = leaked,
        };
    }
}
