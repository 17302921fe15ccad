using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Data;

namespace Safeguard.Core.Marac;

public sealed record MeetingFigures(int MeetingId, string Area, DateOnly Date, int Cases, int Repeats, int ChildrenLinked);

public sealed record AgencyActionFigures(string Agency, int Outstanding, int Overdue);

public sealed record NextMeetingFigures(int MeetingId, string Area, DateOnly Date, DateTime PackReleaseByUtc, bool PackReleased, int Cases);

public sealed record MaracDashboard(
    IReadOnlyList<MeetingFigures> Meetings,
    IReadOnlyList<AgencyActionFigures> ActionsByAgency,
    int ActionsDueThisWeek,
    int CorrectionsAwaitingDecision,
    IReadOnlyList<NextMeetingFigures> NextMeetings)
{
    public int Cases => Meetings.Sum(m => m.Cases);
    public int Repeats => Meetings.Sum(m => m.Repeats);

    /// <summary>Repeats as a whole percentage of the cases heard, or null when no case was heard.</summary>
    public int? RepeatPercent => Cases == 0 ? null : (int)Math.Round(100.0 * Repeats / Cases, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The MARAC dashboard's counts, over the areas given (null: every area, for auditors). No names and no references:
/// counts by meeting date and by agency only. A repeat follows SafeLives: a case whose victim had a MARAC case (in
/// any area) in the 12 months before the meeting.
/// </summary>
public sealed class MaracFigures(SafeguardDbContext db)
{
    public const int NextMeetingsShown = 5;
    public const int WorkDueDays = 7;

    public async Task<MaracDashboard> ComputeAsync(int[]? areaIds, DateOnly today, CancellationToken ct = default)
    {
        var areaNames = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var meetings = InScope(db.MaracMeetings.AsNoTracking(), areaIds);
        var yearAgo = today.AddMonths(-12);

        var heard = await meetings.Where(m => m.Date >= yearAgo && m.Date <= today).OrderByDescending(m => m.Date)
            .Select(m => new { m.Id, m.AreaId, m.Date }).ToListAsync(ct);
        var heardIds = heard.Select(m => m.Id).ToList();
        var cases = await db.MaracCases.AsNoTracking().Where(c => heardIds.Contains(c.MeetingId))
            .Select(c => new { c.MeetingId, c.VictimPersonId, c.ChildrenLinked }).ToListAsync(ct);

        // Every earlier MARAC case of these victims, in any area, back to a year before the oldest meeting shown.
        var victims = cases.Where(c => c.VictimPersonId != null).Select(c => c.VictimPersonId!.Value).Distinct().ToList();
        var since = yearAgo.AddMonths(-12);
        var history = (await db.MaracCases.AsNoTracking()
            .Where(c => c.VictimPersonId != null && victims.Contains(c.VictimPersonId.Value))
            .Join(db.MaracMeetings.Where(m => m.Date >= since), c => c.MeetingId, m => m.Id, (c, m) => new { Victim = c.VictimPersonId!.Value, m.Date })
            .ToListAsync(ct)).ToLookup(h => h.Victim, h => h.Date);

        var byMeeting = cases.ToLookup(c => c.MeetingId);
        var rows = heard.Select(m =>
        {
            var here = byMeeting[m.Id].ToList();
            var repeats = here.Count(c => c.VictimPersonId is int v && history[v].Any(d => d < m.Date && d >= m.Date.AddMonths(-12)));
            return new MeetingFigures(m.Id, areaNames.GetValueOrDefault(m.AreaId, ""), m.Date, here.Count, repeats, here.Count(c => c.ChildrenLinked));
        }).ToList();

        var actions = db.CaseActions.AsNoTracking().Where(a => a.Source == ActionSource.MaracCase
            && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress));
        if (areaIds is not null)
        {
            actions = actions.Where(a => areaIds.Contains(a.AreaId));
        }

        var byAgency = await actions.GroupBy(a => a.OwnerAgencyId)
            .Select(g => new { Agency = g.Key, Outstanding = g.Count(), Overdue = g.Count(a => a.DueOn < today) }).ToListAsync(ct);
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var agencyRows = byAgency.Select(a => new AgencyActionFigures(agencyNames.GetValueOrDefault(a.Agency, "An agency"), a.Outstanding, a.Overdue))
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.Agency, StringComparer.OrdinalIgnoreCase).ToList();
        var weekEnd = today.AddDays(WorkDueDays);
        var dueThisWeek = await actions.CountAsync(a => a.DueOn >= today && a.DueOn <= weekEnd, ct);

        var awaiting = await db.MaracMinutesCorrections.AsNoTracking()
            .Where(c => c.Status == CorrectionStatus.Proposed && meetings.Any(m => m.Id == c.MeetingId)).CountAsync(ct);
        var next = await meetings.Where(m => m.Date >= today && m.ClosedAt == null).OrderBy(m => m.Date).ThenBy(m => m.AreaId).Take(NextMeetingsShown)
            .Select(m => new { m.Id, m.AreaId, m.Date, m.PackReleaseByUtc, Released = m.PackReleasedAt != null, Cases = db.MaracCases.Count(c => c.MeetingId == m.Id) })
            .ToListAsync(ct);
        var nextRows = next.Select(m => new NextMeetingFigures(m.Id, areaNames.GetValueOrDefault(m.AreaId, ""), m.Date, m.PackReleaseByUtc, m.Released, m.Cases)).ToList();
        return new MaracDashboard(rows, agencyRows, dueThisWeek, awaiting, nextRows);
    }

    private static IQueryable<MaracMeeting> InScope(IQueryable<MaracMeeting> meetings, int[]? areaIds) =>
        areaIds is null ? meetings : meetings.Where(m => areaIds.Contains(m.AreaId));
}
