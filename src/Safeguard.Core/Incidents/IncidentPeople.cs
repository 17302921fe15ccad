using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Incidents;

/// <summary>
/// Finds the person-index record for each person an incident names, or adds one. Only a sure match links
/// automatically: the same first and last name (as the index normalises them: case, accents, spaces) and the same
/// date of birth, on any record. Anything less adds a new record, which the CRU can merge later: linking an incident
/// to the wrong person is worse than a duplicate. Someone with no date of birth is therefore always added.
/// Candidates come from the index's own date-of-birth-and-surname match keys, read in batches, so the cost grows
/// with the file, not with the size of the index.
/// </summary>
public sealed class IncidentPeople(SafeguardDbContext db, PersonService people)
{
    // People already resolved in this import: the second incident about someone links to the same record.
    private readonly Dictionary<string, int> _resolved = [];

    public static string ExactKey(IncidentPerson p) =>
        $"{NameText.Normalise(p.GivenName)}|{NameText.Normalise(p.FamilyName)}|{p.DateOfBirth:yyyy-MM-dd}";

    /// <summary>Person ids for the people, in order; new records are added (and audited) inside <paramref name="write"/>.</summary>
    public async Task<int[]> LinkAsync(IReadOnlyList<(IncidentPerson Person, int AreaId)> wanted, string? userId, AuditedWrite write, CancellationToken ct)
    {
        var ids = new int[wanted.Count];
        var lookup = wanted.Where(w => w.Person.DateOfBirth is not null && !_resolved.ContainsKey(ExactKey(w.Person))).Select(w => w.Person).ToList();
        await MatchAsync(lookup, ct);

        var toCreate = new List<(int Index, ImportedPerson Person, string? Key)>();
        var pendingByKey = new Dictionary<string, int>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var (person, area) = wanted[i];
            if (person.DateOfBirth is null)
            {
                toCreate.Add((i, new ImportedPerson(person.GivenName, person.FamilyName, null, area), null));
                continue;
            }

            var key = ExactKey(person);
            if (_resolved.TryGetValue(key, out var id))
            {
                ids[i] = id;
            }
            else if (pendingByKey.TryGetValue(key, out var first))
            {
                ids[i] = -1 - first; // the same new person as an earlier one in this batch
            }
            else
            {
                pendingByKey[key] = toCreate.Count;
                toCreate.Add((i, new ImportedPerson(person.GivenName, person.FamilyName, person.DateOfBirth, area), key));
            }
        }

        var created = await people.CreateImportedAsync(toCreate.Select(c => c.Person).ToList(), userId, write, ct);
        for (var n = 0; n < toCreate.Count; n++)
        {
            ids[toCreate[n].Index] = created[n];
            if (toCreate[n].Key is { } key)
            {
                _resolved[key] = created[n];
            }
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] < 0)
            {
                ids[i] = created[-1 - ids[i]];
            }
        }

        return ids;
    }

    private async Task MatchAsync(List<IncidentPerson> lookup, CancellationToken ct)
    {
        if (lookup.Count == 0)
        {
            return;
        }

        // The surname-and-date-of-birth key: with no first name and no postcode, the index gives exactly those.
        var keysByPerson = lookup.Select(p => (Person: p, Keys: MatchKeys.For([("", p.FamilyName)], [p.DateOfBirth!.Value], []))).ToList();
        var allKeys = keysByPerson.SelectMany(k => k.Keys).Distinct().ToList();
        var hitIds = new HashSet<int>();
        foreach (var chunk in allKeys.Chunk(5000))
        {
            var keys = chunk.ToList();
            hitIds.UnionWith(await db.PersonMatchKeys.AsNoTracking().Where(k => keys.Contains(k.Key)).Select(k => k.PersonId).ToListAsync(ct));
        }

        if (hitIds.Count == 0)
        {
            return;
        }

        var candidates = new List<(int CanonicalId, DateOnly Dob, string Given, string Family)>();
        foreach (var chunk in hitIds.Chunk(5000))
        {
            var idList = chunk.ToList();
            var rows = await db.People.AsNoTracking().Where(p => idList.Contains(p.Id) && p.DateOfBirth != null)
                .Join(db.PersonNames, p => p.Id, n => n.PersonId, (p, n) => new { p.CanonicalId, p.DateOfBirth, n.GivenName, n.FamilyName })
                .ToListAsync(ct);
            candidates.AddRange(rows.Select(r => (r.CanonicalId, r.DateOfBirth!.Value, r.GivenName, r.FamilyName)));
        }

        var byExact = candidates
            .GroupBy(c => ExactKey(new IncidentPerson(c.Given, c.Family, c.Dob)))
            .ToDictionary(g => g.Key, g => g.Min(c => c.CanonicalId));
        foreach (var person in lookup)
        {
            var key = ExactKey(person);
            if (byExact.TryGetValue(key, out var id))
            {
                _resolved[key] = id;
            }
        }
    }
}
