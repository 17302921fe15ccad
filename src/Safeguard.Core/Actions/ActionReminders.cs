using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.Actions;

/// <summary>
/// Tells each owner of an unfinished action, once, when it falls due within <see cref="DueSoonDays"/> days and, once,
/// when it is overdue. Each reminder is claimed by a conditional update (set the column only while it is empty) in
/// the same transaction as the notification, so a second app instance sweeping at the same moment claims nothing
/// and nobody is told twice. Dates are London dates, as the due dates are.
/// </summary>
public sealed class ActionReminders(SafeguardDbContext db, AuditTrail audit, Notifier notifier)
{
    public const int DueSoonDays = 3;

    public sealed record Sweep(int DueSoon, int Overdue);

    public async Task<Sweep> SweepAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = London.DateOf(nowUtc);
        var soonUntil = today.AddDays(DueSoonDays);
        var unfinished = new[] { ActionStatus.Open, ActionStatus.InProgress };

        // An action already overdue when first seen is told it is overdue only: "due soon" would be wrong by then.
        var dueSoon = await db.CaseActions.AsNoTracking()
            .Where(a => unfinished.Contains(a.Status) && a.DueSoonNotifiedAt == null && a.OverdueNotifiedAt == null && a.DueOn >= today && a.DueOn <= soonUntil)
            .Select(a => new { a.Id, a.OwnerUserId, a.Reference }).ToListAsync(ct);
        var overdue = await db.CaseActions.AsNoTracking()
            .Where(a => unfinished.Contains(a.Status) && a.OverdueNotifiedAt == null && a.DueOn < today)
            .Select(a => new { a.Id, a.OwnerUserId, a.Reference }).ToListAsync(ct);
        if (dueSoon.Count == 0 && overdue.Count == 0)
        {
            return new Sweep(0, 0);
        }

        await using var write = await audit.BeginAsync(ct);
        var toldSoon = 0;
        foreach (var a in dueSoon)
        {
            var claimed = await db.CaseActions.Where(x => x.Id == a.Id && x.DueSoonNotifiedAt == null && x.OverdueNotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueSoonNotifiedAt, nowUtc), ct);
            if (claimed == 1)
            {
                await notifier.NotifyAsync([a.OwnerUserId], NotificationKind.ActionDueSoon, $"/actions/{a.Id}", a.Reference, ct);
                write.Record("action.reminder-sent", "CaseAction", a.Id.ToString(CultureInfo.InvariantCulture), summary: "due soon");
                toldSoon++;
            }
        }

        var toldOverdue = 0;
        foreach (var a in overdue)
        {
            var claimed = await db.CaseActions.Where(x => x.Id == a.Id && x.OverdueNotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OverdueNotifiedAt, nowUtc), ct);
            if (claimed == 1)
            {
                await notifier.NotifyAsync([a.OwnerUserId], NotificationKind.ActionOverdue, $"/actions/{a.Id}", a.Reference, ct);
                write.Record("action.reminder-sent", "CaseAction", a.Id.ToString(CultureInfo.InvariantCulture), summary: "overdue");
                toldOverdue++;
            }
        }

        await write.CommitAsync(ct);
        return new Sweep(toldSoon, toldOverdue);
    }
}
