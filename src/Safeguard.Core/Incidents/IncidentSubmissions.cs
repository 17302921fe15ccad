using Safeguard.Core.Audit;

namespace Safeguard.Core.Incidents;

/// <summary>One submitted incident's fate: its record id, and whether this call made it (false: it was already recorded).</summary>
public sealed record Submitted(int Id, string IncidentReference, bool Created);

/// <summary>
/// Incidents pushed by a police system, one or a batch, already checked by <see cref="IncidentRules"/>. Idempotent by
/// the force's incident reference: a reference recorded before is answered with its record and not saved again.
/// The check and the save are inside one audited write, which holds the appender lock, so two calls racing with the
/// same reference cannot both save it.
/// </summary>
public sealed class IncidentSubmissions(AuditTrail audit, IncidentRecorder recorder)
{
    public async Task<IReadOnlyList<Submitted>> SubmitAsync(IReadOnlyList<ValidIncident> incidents, Importer importer, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var existing = await recorder.ExistingAsync(importer.AgencyId, incidents.Select(i => i.IncidentReference), ct);
        var fresh = incidents.Where(i => !existing.ContainsKey(i.IncidentReference))
            .DistinctBy(i => i.IncidentReference, StringComparer.OrdinalIgnoreCase).ToList();
        var ids = await recorder.RecordAsync(fresh, importer.AgencyId, IncidentSource.Api, null, importer.UserId, write, ct);
        await write.CommitAsync(ct);
        var made = fresh.Select((f, n) => (f.IncidentReference, Id: ids[n])).ToDictionary(x => x.IncidentReference, x => x.Id, StringComparer.OrdinalIgnoreCase);
        var answered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return incidents.Select(i => existing.TryGetValue(i.IncidentReference, out var old)
                ? new Submitted(old, i.IncidentReference, false)
                : new Submitted(made[i.IncidentReference], i.IncidentReference, answered.Add(i.IncidentReference)))
            .ToList();
    }
}
