using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.Incidents;

/// <summary>
/// Saves checked incidents, a batch at a time, inside a write the caller holds: links or adds their people, records
/// the people's involvement (what the repeat and escalation rules count), and an incident.recorded event for each.
/// Rows and events go in by <see cref="BulkInsert"/> a batch at a time, never through the change tracker, so the
/// time grows in a straight line with the file. The caller has already removed references the force has used before.
/// </summary>
public sealed class IncidentRecorder(SafeguardDbContext db, PersonService people, TimeProvider clock)
{
    public const int BatchSize = 1000;

    /// <summary>
    /// PostgreSQL takes larger batches: each batch costs a dozen round trips and COPY set-ups, and at 5,000 a 100,000-row
    /// import used about 5 CPU-seconds less (client and server together) than at 1,000. SQLite has no round trips to
    /// save, and its look-ups over the larger key lists cost more than they saved (about 6 CPU-seconds more), so it
    /// keeps 1,000.
    /// </summary>
    public const int PostgresBatchSize = 5000;

    /// <summary>The force's references among these that are already recorded, with their incident ids.</summary>
    public async Task<Dictionary<string, int>> ExistingAsync(int agencyId, IEnumerable<string> references, CancellationToken ct = default)
    {
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in references.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(5000))
        {
            var list = chunk.ToList();
            var rows = await db.PoliceIncidents.AsNoTracking().Where(i => i.AgencyId == agencyId && list.Contains(i.IncidentReference))
                .Select(i => new { i.IncidentReference, i.Id }).ToListAsync(ct);
            foreach (var r in rows)
            {
                found[r.IncidentReference] = r.Id;
            }
        }

        return found;
    }

    public async Task<List<int>> RecordAsync(IReadOnlyList<ValidIncident> incidents, int agencyId, IncidentSource source, int? importId,
        string? userId, AuditedWrite write, CancellationToken ct = default)
    {
        var ids = new List<int>(incidents.Count);
        var linker = new IncidentPeople(db, people);
        foreach (var batch in incidents.Chunk(db.Database.IsNpgsql() ? PostgresBatchSize : BatchSize))
        {
            ids.AddRange(await RecordBatchAsync(batch, agencyId, source, importId, userId, linker, write, ct));
        }

        return ids;
    }

    private async Task<IEnumerable<int>> RecordBatchAsync(ValidIncident[] batch, int agencyId, IncidentSource source, int? importId, string? userId,
        IncidentPeople linker, AuditedWrite write, CancellationToken ct)
    {
        var wanted = new List<(IncidentPerson, int)>(batch.Length * 2);
        foreach (var i in batch)
        {
            wanted.Add((i.Victim, i.AreaId));
            if (i.Perpetrator is not null)
            {
                wanted.Add((i.Perpetrator, i.AreaId));
            }
        }

        var personIds = await linker.LinkAsync(wanted, userId, write, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = 0;
        var rows = batch.Select(i => new PoliceIncident
        {
            AgencyId = agencyId,
            IncidentReference = i.IncidentReference,
            AreaId = i.AreaId,
            OccurredAt = i.OccurredAt,
            ReportedAt = i.ReportedAt,
            RiskLevel = i.RiskLevel,
            DashYesCount = i.DashYesCount,
            VictimPersonId = personIds[next++],
            PerpetratorPersonId = i.Perpetrator is null ? null : personIds[next++],
            ChildrenLinked = i.ChildrenLinked,
            ChildrenCount = i.ChildrenCount,
            VictimConsented = i.VictimConsented,
            Summary = i.Summary,
            OfficerCollarNumber = i.OfficerCollarNumber,
            Source = source,
            ImportId = importId,
            RecordedAt = now,
            RecordedByUserId = userId,
        }).ToList();
        await BulkInsert.InsertAsync(db, rows, ct);

        var involvements = new List<PersonInvolvement>(rows.Count * 2);
        foreach (var r in rows)
        {
            involvements.Add(Involvement(r, r.VictimPersonId, CaseRole.Victim));
            if (r.PerpetratorPersonId is int perpetrator)
            {
                involvements.Add(Involvement(r, perpetrator, CaseRole.Perpetrator));
            }
        }

        await people.RecordInvolvementsAsync(involvements, ct);
        foreach (var r in rows)
        {
            write.RecordForFlush("incident.recorded", "PoliceIncident", r.Id.ToString(CultureInfo.InvariantCulture), after: Describe(r));
        }

        await write.FlushAsync(ct);
        return rows.Select(r => r.Id);
    }

    private static PersonInvolvement Involvement(PoliceIncident r, int personId, CaseRole role) => new()
    {
        PersonId = personId,
        AreaId = r.AreaId,
        Kind = InvolvementKind.Incident,
        Role = role,
        OccurredAt = r.OccurredAt,
        Reference = r.IncidentReference,
        RiskLevel = r.RiskLevel,
        PoliceReported = true,
    };

    /// <summary>The record as the audit trail keeps it: references and choices, never the summary's free text or names.</summary>
    internal static object Describe(PoliceIncident r) => new
    {
        r.IncidentReference, r.AgencyId, r.AreaId, r.OccurredAt, r.ReportedAt, RiskLevel = r.RiskLevel.ToString(), r.DashYesCount,
        VictimPerson = Person.FormatReference(r.VictimPersonId),
        PerpetratorPerson = r.PerpetratorPersonId is int p ? Person.FormatReference(p) : null,
        r.ChildrenLinked, r.ChildrenCount, r.VictimConsented, r.OfficerCollarNumber, Source = r.Source.ToString(), r.ImportId,
    };
}
