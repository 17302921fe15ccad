using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>A past involvement, as evidence for a rule: what, when (UK date), and its reference.</summary>
public sealed record Evidence(InvolvementKind Kind, DateOnly Date, string Reference, RiskLevel? RiskLevel);

/// <summary>Repeat: a new incident within 12 months of the victim's last MARAC referral goes back to MARAC.</summary>
public sealed record RepeatCheck(bool IsRepeat, Evidence? LastMaracReferral, DateOnly? RepeatWindowEnds, DateOnly IncidentDate);

/// <summary>Potential escalation: 3 or more police-reported incidents in the 12 months up to a date.</summary>
public sealed record EscalationCheck(bool IsPotentialEscalation, int Count, DateOnly WindowStarts, DateOnly WindowEnds, IReadOnlyList<Evidence> Incidents);

/// <summary>What a meeting is told: how often and when the person was heard before, and the last risk level.</summary>
public sealed record KnownBefore(IReadOnlyList<Evidence> DrammHearings, IReadOnlyList<Evidence> MaracHearings, Evidence? LastRiskLevel)
{
    public bool IsKnown => DrammHearings.Count > 0 || MaracHearings.Count > 0;
}

/// <summary>
/// The rules that read a person's history (shared/domain/README.md, MARAC referral criteria). Windows are
/// counted in UK calendar dates, both ends included: 12 months from 29 February ends on 28 February, and an
/// incident at 00:30 on the day the clocks change is dated as people in the UK would date it.
/// </summary>
public sealed class RiskHistory(SafeguardDbContext db)
{
    public const int Months = 12;
    public const int EscalationCount = 3;

    /// <summary>The involvements of a person and every record merged with them, in the given areas (null: all).</summary>
    public Task<List<PersonInvolvement>> InvolvementsAsync(int canonicalId, IReadOnlyCollection<int>? areaIds, CancellationToken ct = default)
    {
        var query = db.PersonInvolvements.AsNoTracking()
            .Where(i => db.People.Any(p => p.Id == i.PersonId && p.CanonicalId == canonicalId));
        if (areaIds is not null)
        {
            var areas = areaIds.ToList();
            query = query.Where(i => areas.Contains(i.AreaId));
        }

        return query.OrderBy(i => i.OccurredAt).ThenBy(i => i.Id).ToListAsync(ct);
    }

    public static RepeatCheck Repeat(IEnumerable<PersonInvolvement> history, DateTime incidentAtUtc)
    {
        var incidentDate = London.DateOf(incidentAtUtc);
        var last = history
            .Where(i => i.Kind == InvolvementKind.MaracReferral && i.Role == CaseRole.Victim && i.OccurredAt <= incidentAtUtc)
            .MaxBy(i => i.OccurredAt);
        if (last is null)
        {
            return new RepeatCheck(false, null, null, incidentDate);
        }

        var referralDate = London.DateOf(last.OccurredAt);
        var windowEnds = referralDate.AddMonths(Months);
        return new RepeatCheck(incidentDate <= windowEnds, ToEvidence(last), windowEnds, incidentDate);
    }

    public static EscalationCheck Escalation(IEnumerable<PersonInvolvement> history, DateTime asOfUtc)
    {
        var end = London.DateOf(asOfUtc);
        var start = end.AddMonths(-Months);
        var incidents = history
            .Where(i => i.Kind == InvolvementKind.Incident && i.PoliceReported && i.Role == CaseRole.Victim)
            .Select(i => (Involvement: i, Date: London.DateOf(i.OccurredAt)))
            .Where(x => x.Date >= start && x.Date <= end)
            .OrderBy(x => x.Involvement.OccurredAt)
            .Select(x => ToEvidence(x.Involvement))
            .ToList();
        return new EscalationCheck(incidents.Count >= EscalationCount, incidents.Count, start, end, incidents);
    }

    public static KnownBefore Summarise(IEnumerable<PersonInvolvement> history)
    {
        var list = history.OrderBy(i => i.OccurredAt).ToList();
        var lastRisk = list.Where(i => i.RiskLevel is not null && i.Kind is InvolvementKind.DrammHearing or InvolvementKind.MaracHearing)
            .MaxBy(i => i.OccurredAt) ?? list.Where(i => i.RiskLevel is not null).MaxBy(i => i.OccurredAt);
        return new KnownBefore(
            list.Where(i => i.Kind == InvolvementKind.DrammHearing).Select(ToEvidence).ToList(),
            list.Where(i => i.Kind == InvolvementKind.MaracHearing).Select(ToEvidence).ToList(),
            lastRisk is null ? null : ToEvidence(lastRisk));
    }

    public static Evidence ToEvidence(PersonInvolvement i) => new(i.Kind, London.DateOf(i.OccurredAt), i.Reference, i.RiskLevel);
}
