using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Bench.Disclosures;
using Safeguard.Core;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;

namespace Safeguard.Bench.Incidents;

/// <summary>
/// The target: "Import 100,000 incident rows, validated, in 30 seconds or less". A synthetic export is written
/// in memory (not timed), then the real Core service is timed as the pages drive it: upload (read and check every
/// row, hold the file), preview (read again, find references already recorded) and confirm (read again, match or
/// add people, save incidents, involvements and audit events in one transaction). The import's total is the three.
/// </summary>
internal static class IncidentScenario
{
    public static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private const int AreaCount = 10;

    public static async Task<Dictionary<string, object>> RunAsync(DatabaseOptions database, int rows)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSafeguardCore(database, Directory.GetCurrentDirectory())
            .BuildServiceProvider();
        var importer = await SetUpAsync(services);
        var areaNames = Enumerable.Range(1, AreaCount).Select(i => $"Bench area {i}").ToList();
        var file = SyntheticIncidents.Write(rows, areaNames, Now);
        var report = new Dictionary<string, object> { ["rows"] = rows, ["fileMegabytes"] = Math.Round(file.Length / 1048576.0, 1) };

        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        IncidentImport staged;
        using (var scope = services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IncidentImports>().StageAsync(file, importer);
            staged = result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
        }

        report["uploadSeconds"] = Seconds(step);
        step.Restart();
        using (var scope = services.CreateScope())
        {
            var preview = await scope.ServiceProvider.GetRequiredService<IncidentImports>().PreviewAsync(staged.Token, importer)
                ?? throw new InvalidOperationException("The staged import was not found");
            report["previewBadRows"] = preview.Bad.Count;
        }

        report["previewSeconds"] = Seconds(step);
        step.Restart();
        using (var scope = services.CreateScope())
        {
            var confirmed = await scope.ServiceProvider.GetRequiredService<IncidentImports>().ConfirmAsync(staged.Token, importer);
            var outcome = confirmed.Value ?? throw new InvalidOperationException(string.Join("; ", confirmed.Errors));
            report["imported"] = outcome.Imported;
            report["refused"] = outcome.Refused;
        }

        report["confirmSeconds"] = Seconds(step);
        report["totalSeconds"] = Seconds(total);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            report["peopleAdded"] = await db.People.CountAsync();
            report["involvements"] = await db.PersonInvolvements.CountAsync();
        }

        report["targetSeconds"] = 30;
        report["loadAverageAfter"] = File.ReadAllText("/proc/loadavg").Trim();
        return report;
    }

    private static double Seconds(Stopwatch sw) => Math.Round(sw.Elapsed.TotalSeconds, 2);

    /// <summary>A fictional force, its areas and one control-room user who works in all of them.</summary>
    private static async Task<Importer> SetUpAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
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
        var areaIds = await db.Areas.Where(a => a.Name.StartsWith("Bench area ")).Select(a => a.Id).ToListAsync();
        var user = new User
        {
            UserName = "incident.bench@example.org", Email = "incident.bench@example.org", DisplayName = "Incident Bench (fictional)",
            AgencyId = agency.Id, CreatedAt = Now,
        };
        db.Users.Add(user);
        db.UserAreas.AddRange(areaIds.Select(a => new UserArea { UserId = user.Id, AreaId = a }));
        await db.SaveChangesAsync();
        return new Importer(user.Id, agency.Id, areaIds.ToHashSet());
    }
}
