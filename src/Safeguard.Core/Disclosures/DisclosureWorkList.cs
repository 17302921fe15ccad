using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Disclosures;

/// <summary>One open application as a list shows it: no names of the people in it, only its reference.</summary>
public sealed record WorkItem(
    int Id, Scheme Scheme, Route Route, DisclosureStage Stage, string? OwnerName, DateTime ReceivedAt, DateTime StageEnteredAt,
    DateTime DueAt, DateTime? NextDueAt, ClockKind? NextClock, bool Urgent, bool UrgentUnacknowledged)
{
    public string Reference => DisclosureApplication.FormatReference(Scheme, Id);

    public DateTime DueNext => NextDueAt ?? DueAt;
}

public sealed record BoardFilter(DisclosureStage? Stage = null, ClockState? State = null, string? OwnerUserId = null, bool Unallocated = false, int Page = 1);

public sealed record Board(
    IReadOnlyList<WorkItem> Items, int Total, int Page, int PageSize,
    IReadOnlyDictionary<DisclosureStage, int> ByStage, IReadOnlyDictionary<ClockState, int> ByState, IReadOnlyList<WorkItem> UrgentAlerts);

/// <summary>
/// The supervisor's board and each person's "my work": open applications by deadline. Clock states are worked
/// out in the database from the stored next-due instant, so the board stays fast with years of closed work.
/// </summary>
public sealed class DisclosureWorkList(SafeguardDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<Board> BoardAsync(IQueryable<DisclosureApplication> visible, BoardFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = DueSoonBound(now);
        var open = visible.Where(a => a.ClosedAt == null);

        var byStage = await open.GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await open.CountAsync(a => (a.NextDueAt ?? a.DueAt) <= now, ct);
        var dueSoon = await open.CountAsync(a => (a.NextDueAt ?? a.DueAt) > now && (a.NextDueAt ?? a.DueAt) <= soon, ct);
        var total = byStage.Sum(s => s.Count);

        var filtered = open;
        if (filter.Stage is DisclosureStage stage)
        {
            filtered = filtered.Where(a => a.Stage == stage);
        }

        filtered = filter.State switch
        {
            ClockState.Overdue => filtered.Where(a => (a.NextDueAt ?? a.DueAt) <= now),
            ClockState.DueSoon => filtered.Where(a => (a.NextDueAt ?? a.DueAt) > now && (a.NextDueAt ?? a.DueAt) <= soon),
            ClockState.OnTrack => filtered.Where(a => (a.NextDueAt ?? a.DueAt) > soon),
            _ => filtered,
        };
        if (filter.Unallocated)
        {
            filtered = filtered.Where(a => a.OwnerUserId == null);
        }
        else if (filter.OwnerUserId is not null)
        {
            filtered = filtered.Where(a => a.OwnerUserId == filter.OwnerUserId);
        }

        var page = Math.Max(1, filter.Page);
        var count = await filtered.CountAsync(ct);
        var items = await Project(filtered.OrderByDescending(a => a.Urgent).ThenBy(a => a.NextDueAt ?? a.DueAt).ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        var alerts = await Project(open.Where(a => a.Urgent && a.UrgentAcknowledgedAt == null).OrderBy(a => a.ReceivedAt).Take(20)).ToListAsync(ct);

        return new Board(items, count, page, PageSize,
            byStage.ToDictionary(s => s.Key, s => s.Count),
            new Dictionary<ClockState, int> { [ClockState.Overdue] = overdue, [ClockState.DueSoon] = dueSoon, [ClockState.OnTrack] = total - overdue - dueSoon },
            alerts);
    }

    /// <summary>A user's own open applications, most urgent first: immediate risk, then overdue, then by deadline.</summary>
    public async Task<IReadOnlyList<WorkItem>> MyWorkAsync(IQueryable<DisclosureApplication> visible, string userId, CancellationToken ct = default) =>
        await Project(visible.Where(a => a.ClosedAt == null && (a.OwnerUserId == userId || a.DisclosureOfficerUserId == userId))
            .OrderByDescending(a => a.Urgent).ThenBy(a => a.NextDueAt ?? a.DueAt).ThenBy(a => a.Id).Take(200)).ToListAsync(ct);

    /// <summary>Open applications nobody has yet, oldest first: what a supervisor allocates next.</summary>
    public async Task<IReadOnlyList<WorkItem>> UnallocatedAsync(IQueryable<DisclosureApplication> visible, CancellationToken ct = default) =>
        await Project(visible.Where(a => a.ClosedAt == null && a.OwnerUserId == null)
            .OrderByDescending(a => a.Urgent).ThenBy(a => a.NextDueAt ?? a.DueAt).Take(50)).ToListAsync(ct);

    /// <summary>Deadlines at or before this instant are "due within 5 days": the start of the sixth London day from today.</summary>
    public static DateTime DueSoonBound(DateTime nowUtc)
    {
        var sixthDay = London.DateOf(nowUtc).AddDays(ClockMath.DueSoonDays + 1);
        return TimeZoneInfo.ConvertTimeToUtc(sixthDay.ToDateTime(TimeOnly.MinValue), London.Zone);
    }

    private IQueryable<WorkItem> Project(IQueryable<DisclosureApplication> q) =>
        q.Select(a => new WorkItem(a.Id, a.Scheme, a.Route, a.Stage,
            db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            a.ReceivedAt, a.StageEnteredAt, a.DueAt, a.NextDueAt, a.NextClock, a.Urgent, a.Urgent && a.UrgentAcknowledgedAt == null));
}
