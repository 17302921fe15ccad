using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Referrals.Dash;

/// <summary>
/// Loads the shipped questionnaire versions (embedded JSON) into the database on start-up, like the disclosure
/// defaults. A version already loaded is never rewritten, so a later release can add "v2" without touching the
/// questions that earlier answers were given to. A force replacing DASH (as Durham did with DARA) adds a file.
/// </summary>
public sealed class DashDefinitions(SafeguardDbContext db, TimeProvider clock)
{
    private const string Prefix = "Safeguard.Core.Referrals.Dash.";

    public Task EnsureDefaultsAsync(CancellationToken ct = default) => LoadAsync(Shipped(), ct);

    /// <summary>Adds each version not yet in the table; returns how many were added.</summary>
    public async Task<int> LoadAsync(IEnumerable<string> jsonDocuments, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var json in jsonDocuments)
        {
            var definition = DashDefinition.FromJson(json);
            if (await db.QuestionnaireDefinitions.AnyAsync(d => d.Key == definition.Key && d.Version == definition.Version, ct)
                || db.QuestionnaireDefinitions.Local.Any(d => d.Key == definition.Key && d.Version == definition.Version))
            {
                continue;
            }

            db.QuestionnaireDefinitions.Add(new QuestionnaireDefinition
            {
                Key = definition.Key, Version = definition.Version, Title = definition.Title, Content = json, LoadedAt = clock.GetUtcNow().UtcDateTime,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The newest version of each questionnaire: what a new assessment is offered.</summary>
    public async Task<IReadOnlyList<DashDefinition>> CurrentAsync(CancellationToken ct = default)
    {
        var rows = await db.QuestionnaireDefinitions.AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.Key).Select(g => g.MaxBy(r => r.Version)!.Parse()).OrderBy(d => d.Key).ToList();
    }

    public async Task<DashDefinition?> FindAsync(string key, int version, CancellationToken ct = default) =>
        (await db.QuestionnaireDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Version == version, ct))?.Parse();

    public static IEnumerable<string> Shipped()
    {
        var assembly = typeof(DashDefinitions).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
