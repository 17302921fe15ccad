using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>A person named by an imported record, to be added to the index.</summary>
public sealed record ImportedPerson(string GivenName, string FamilyName, DateOnly? DateOfBirth, int AreaId);

/// <summary>
/// Adding people and involvements many at a time, inside a write the importing feature holds, for imports of
/// thousands of rows. The rules are the same as one at a time; the import's exact match on name and date of birth
/// stands in for the search receipt (nobody is choosing between candidates). Rows go in by <see cref="BulkInsert"/>,
/// not the change tracker, which is what makes 100,000 incidents fit in the import's time.
/// </summary>
public sealed partial class PersonService
{
    /// <summary>Adds the people, their names, areas and match keys, with a person.created event each. Returns their ids in order.</summary>
    public async Task<IReadOnlyList<int>> CreateImportedAsync(IReadOnlyList<ImportedPerson> people, string? userId, AuditedWrite write, CancellationToken ct = default)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = people.Select(p => new Person
        {
            CreatedInAreaId = p.AreaId,
            CreatedAt = now,
            CreatedByUserId = userId,
            Version = 1,
            DateOfBirth = p.DateOfBirth,
        }).ToList();
        // A new record stands for itself: its canonical id is its own, written with it where the id is known first.
        await BulkInsert.InsertAsync(db, created, keyed: p => p.CanonicalId = p.Id, ct);

        // The rest (SQLite's first row) in one statement rather than an update per person; none on PostgreSQL.
        var ids = created.Select(p => p.Id).ToList();
        var unset = created.Where(p => p.CanonicalId == 0).Select(p => p.Id).ToList();
        if (unset.Count > 0)
        {
            await db.People.Where(p => unset.Contains(p.Id) && p.CanonicalId == 0).ExecuteUpdateAsync(s => s.SetProperty(p => p.CanonicalId, p => p.Id), ct);
        }

        var names = new List<PersonName>(created.Count);
        var keys = new List<PersonMatchKey>(created.Count * 6);
        for (var i = 0; i < created.Count; i++)
        {
            var person = created[i];
            person.CanonicalId = person.Id;
            var name = new PersonName { PersonId = person.Id, GivenName = people[i].GivenName.Trim(), FamilyName = people[i].FamilyName.Trim(), Kind = NameKind.Current };
            names.Add(name);
            person.Names.Add(name);
            keys.AddRange(Matching.MatchKeys.For(person).Select(k => new PersonMatchKey { Key = k, PersonId = person.Id }));
            write.RecordForFlush("person.created", "Person", Id(person.Id), after: Describe(person));
        }

        await BulkInsert.InsertAsync(db, names, ct);
        await BulkInsert.InsertAsync(db, created.Select(p => new PersonArea { PersonId = p.Id, AreaId = p.CreatedInAreaId }).ToList(), ct);
        await BulkInsert.InsertAsync(db, keys, ct);
        return ids;
    }

    /// <summary>
    /// Records many involvements, adding each case's area to its person's areas where missing. The calling feature's
    /// own event for the case names the involvements, so none is recorded here.
    /// </summary>
    public async Task RecordInvolvementsAsync(IReadOnlyList<PersonInvolvement> involvements, CancellationToken ct = default)
    {
        if (involvements.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var personIds = involvements.Select(i => i.PersonId).Distinct().ToList();
        var held = (await db.PersonAreas.AsNoTracking().Where(pa => personIds.Contains(pa.PersonId)).Select(pa => new { pa.PersonId, pa.AreaId }).ToListAsync(ct))
            .Select(pa => (pa.PersonId, pa.AreaId)).ToHashSet();
        var areas = new List<PersonArea>();
        foreach (var involvement in involvements)
        {
            involvement.RecordedAt = now;
            if (held.Add((involvement.PersonId, involvement.AreaId)))
            {
                areas.Add(new PersonArea { PersonId = involvement.PersonId, AreaId = involvement.AreaId });
            }
        }

        await BulkInsert.InsertAsync(db, involvements, ct);
        await BulkInsert.InsertAsync(db, areas, ct);
    }
}
