using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Dramm;

/// <summary>An agency that attends an area's DRAMM: its representatives see the cases once they are released.</summary>
public sealed class DrammAgency
{
    public int AreaId { get; set; }
    public int AgencyId { get; set; }
}

/// <summary>An agency a meeting's cases were shared with: the area's attending agencies when the list was first prepared.</summary>
public sealed class DrammMeetingAgency
{
    public int MeetingId { get; set; }
    public int AgencyId { get; set; }
}

/// <summary>
/// Who sees a meeting's cases, and when. The attending agencies of the area are copied onto each meeting when its
/// list is first prepared, so changing them later neither grants nor takes away access to a past meeting. Their
/// representatives see the cases from the release time until <see cref="AccessDays"/> days after the meeting:
/// long enough to add information and follow up actions, and no longer.
/// </summary>
public sealed class DrammSharing(SafeguardDbContext db, AuditTrail audit)
{
    public const int AccessDays = 7;

    public static bool IsOpenTo(DrammMeeting meeting, DateTime nowUtc) =>
        nowUtc >= meeting.ReleaseByUtc && nowUtc < meeting.MeetsAtUtc.AddDays(AccessDays);

    public Task<List<int>> AttendingAsync(int areaId, CancellationToken ct = default) =>
        db.DrammAgencies.Where(a => a.AreaId == areaId).Select(a => a.AgencyId).ToListAsync(ct);

    public async Task SetAttendingAsync(int areaId, IReadOnlyCollection<int> agencyIds, CancellationToken ct = default)
    {
        var active = await db.Agencies.Where(a => a.IsActive && agencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var before = await AttendingAsync(areaId, ct);
        await using var write = await audit.BeginAsync(ct);
        await db.DrammAgencies.Where(a => a.AreaId == areaId).ExecuteDeleteAsync(ct);
        db.DrammAgencies.AddRange(active.Select(id => new DrammAgency { AreaId = areaId, AgencyId = id }));
        write.Record("dramm.agencies-changed", "Area", areaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { Agencies = before.Order() }, after: new { Agencies = active.Order() });
        await write.CommitAsync(ct);
    }

    /// <summary>The meetings of the user's areas shared with their agency and open now, newest first.</summary>
    public Task<List<DrammMeeting>> OpenToAsync(int agencyId, IReadOnlyCollection<int> areaIds, DateTime nowUtc, CancellationToken ct = default)
    {
        var areas = areaIds.ToList();
        var since = nowUtc.AddDays(-AccessDays);
        return db.DrammMeetings.AsNoTracking().Include(m => m.Cases)
            .Where(m => areas.Contains(m.AreaId) && m.ReleaseByUtc <= nowUtc && m.MeetsAtUtc > since
                && db.DrammMeetingAgencies.Any(x => x.MeetingId == m.Id && x.AgencyId == agencyId))
            .OrderByDescending(m => m.Date)
            .ToListAsync(ct);
    }

    public Task<bool> SharedWithAsync(int meetingId, int agencyId, CancellationToken ct = default) =>
        db.DrammMeetingAgencies.AnyAsync(x => x.MeetingId == meetingId && x.AgencyId == agencyId, ct);
}
