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

    /// <summary>Reminders per audited write: the app-wide audit lock is held for one batch at a time, not the whole sweep.</summary>
    internal const int BatchSize = 50;

    /// <summary>Actions still to be done: only these are reminded.</summary>
    private static readonly ActionStatus[] Unfinished = [ActionStatus.Open, ActionStatus.InProgress];

    public sealed record Sweep(int DueSoon, int Overdue);

    /// <summary>An action found to remind: its id, owner and reference (nothing about the case).</summary>
    internal sealed record Due(int Id, string OwnerUserId, string Reference);

    public async Task<Sweep> SweepAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var (dueSoon, overdue) = await FindAsync(nowUtc, ct);
        return await TellAsync(dueSoon, overdue, nowUtc, ct);
    }

    /// <summary>The actions due soon and overdue that nobody has been told about yet.</summary>
    internal async Task<(IReadOnlyList<Due> DueSoon, IReadOnlyList<Due> Overdue)> FindAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = London.DateOf(nowUtc);
        var soonUntil = today.AddDays(DueSoonDays);

        // An action already overdue when first seen is told it is overdue only: "due soon" would be wrong by then.
        var dueSoon = await db.CaseActions.AsNoTracking()
            .Where(a => Unfinished.Contains(a.Status) && a.DueSoonNotifiedAt == null && a.OverdueNotifiedAt == null && a.DueOn >= today && a.DueOn <= soonUntil)
            .OrderBy(a => a.Id)
            .Select(a => new Due(a.Id, a.OwnerUserId, a.Reference)).ToListAsync(ct);
        var overdue = await db.CaseActions.AsNoTracking()
            .Where(a => Unfinished.Contains(a.Status) && a.OverdueNotifiedAt == null && a.DueOn < today)
            .OrderBy(a => a.Id)
            .Select(a => new Due(a.Id, a.OwnerUserId, a.Reference)).ToListAsync(ct);
        return (dueSoon, overdue);
    }

    /// <summary>
    /// Claims and tells each action, <see cref="BatchSize"/> to an audited write. The claim re-checks that the action
    /// is still unfinished: it may have been completed since it was found, and a finished action is never reminded.
    /// </summary>
    internal async Task<Sweep> TellAsync(IReadOnlyList<Due> dueSoon, IReadOnlyList<Due> overdue, DateTime nowUtc, CancellationToken ct = default)
    {
        var toldSoon = 0;
        foreach (var batch in dueSoon.Chunk(BatchSize))
        {
            await using var write = await audit.BeginAsync(ct);
            foreach (var a in batch)
            {
                var claimed = await db.CaseActions
                    .Where(x => x.Id == a.Id && Unfinished.Contains(x.Status) && x.DueSoonNotifiedAt == null && x.OverdueNotifiedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueSoonNotifiedAt, nowUtc), ct);
                if (claimed == 1)
                {
                    await notifier.NotifyAsync([a.OwnerUserId], NotificationKind.ActionDueSoon, $"/actions/{a.Id}", a.Reference, ct);
                    write.Record("action.reminder-sent", "CaseAction", a.Id.ToString(CultureInfo.InvariantCulture), summary: "due soon");
                    toldSoon++;
                }
            }

            await write.CommitAsync(ct);
        }

        var toldOverdue = 0;
        foreach (var batch in overdue.Chunk(BatchSize))
        {
            await using var write = await audit.BeginAsync(ct);
            foreach (var a in batch)
            {
                var claimed = await db.CaseActions
                    .Where(x => x.Id == a.Id && Unfinished.Contains(x.Status) && x.OverdueNotifiedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.OverdueNotifiedAt, nowUtc), ct);
                if (claimed == 1)
                {
                    await notifier.NotifyAsync([a.OwnerUserId], NotificationKind.ActionOverdue, $"/actions/{a.Id}", a.Reference, ct);
                    write.Record("action.reminder-sent", "CaseAction", a.Id.ToString(CultureInfo.InvariantCulture), summary: "overdue");
                    toldOverdue++;
                }
            }

            await write.CommitAsync(ct);
        }

        return new Sweep(toldSoon, toldOverdue);
    }
}
