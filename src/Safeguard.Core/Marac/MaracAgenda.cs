using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Marac;

/// <summary>A case for ordering: its category, when it was referred, and a tie-breaker.</summary>
public sealed record AgendaItem(int Id, MaracCategory Category, DateTime ReferredAt);

/// <summary>A case on the agenda with its approximate start (UTC).</summary>
public sealed record TimedCase(MaracCase Case, DateTime StartsAtUtc);

/// <summary>A victim whose last MARAC was about 12 months ago: shown to the meeting as a list, not as agenda cases.</summary>
public sealed record TwelveMonthNotice(int VictimPersonId, string Reference, DateOnly LastHeard);

/// <summary>
/// A meeting's agenda (Kirklees protocol): Clare's Law disclosures, then information-only cases, significant updates and
/// full discussions, each in the order referred. The co-ordinator may move a case, saying why; re-building before the
/// pack is released adds the cases referred since without undoing the moves. Once the pack is out the agenda is fixed.
/// </summary>
public sealed class MaracAgenda(SafeguardDbContext db, AuditTrail audit, MaracSettings settings, TimeProvider clock)
{
    /// <summary>The rules' order: category, then date referred, then the order they arrived.</summary>
    public static IReadOnlyList<AgendaItem> Order(IEnumerable<AgendaItem> items) =>
        [.. items.OrderBy(i => i.Category).ThenBy(i => i.ReferredAt).ThenBy(i => i.Id)];

    /// <summary>Each case's approximate start: the meeting's start plus the minutes of the cases before it.</summary>
    public static IReadOnlyList<TimedCase> Times(MaracMeeting meeting, IEnumerable<MaracCase> cases)
    {
        var at = meeting.StartsAtUtc;
        var timed = new List<TimedCase>();
        foreach (var c in cases.OrderBy(c => c.Position))
        {
            timed.Add(new(c, at));
            at = at.AddMinutes(c.Minutes);
        }

        return timed;
    }

    /// <summary>
    /// Places the area's waiting referrals on the meeting. A new case goes where the rules put it among the cases not
    /// moved by hand; moved cases keep their places. Refused once the pack is released.
    /// </summary>
    public async Task<Result<MaracMeeting>> BuildAsync(int meetingId, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var meeting = await db.MaracMeetings.Include(m => m.Cases).FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.PackReleasedAt is not null)
        {
            return Fixed<MaracMeeting>();
        }

        var schedule = await settings.ScheduleAsync(meeting.AreaId, ct);
        var waiting = await db.MaracReferrals.Where(r => r.AreaId == meeting.AreaId && r.MeetingId == null).ToListAsync(ct);
        var order = meeting.Cases.OrderBy(c => c.Position).ToList();
        foreach (var referral in Order(waiting.Select(r => new AgendaItem(r.Id, r.Category, r.ReferredAt))).Select(i => waiting.First(r => r.Id == i.Id)))
        {
            var item = new MaracCase
            {
                MeetingId = meeting.Id, MaracReferralId = referral.Id, Reference = referral.Reference, Category = referral.Category,
                ReferredAt = referral.ReferredAt, ChildrenLinked = referral.ChildrenLinked, VictimPersonId = referral.VictimPersonId,
                Minutes = schedule.MinutesFor(referral.Category), Version = 1,
            };
            var before = order.FindIndex(c => c.ReorderReason is null && Comes(item, c));
            order.Insert(before < 0 ? order.Count : before, item);
            meeting.Cases.Add(item);
            referral.MeetingId = meeting.Id;
        }

        Renumber(order);
        meeting.AgendaBuiltAt = clock.GetUtcNow().UtcDateTime;
        meeting.Version++;
        write.Record("marac.agenda-built", "MaracMeeting", Id(meeting.Id), summary: $"{MaracMeetings.Name(meeting)}; {waiting.Count} added, {order.Count} on the agenda");
        return await CommitAsync(write, meeting, ct);
    }

    /// <summary>Moves a case to a new place (from 1), with the co-ordinator's reason; the others close up around it.</summary>
    public async Task<Result<MaracCase>> MoveAsync(int caseId, int newPosition, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<MaracCase>.Fail(new FieldError("Reason", "Enter why the case is moved"));
        }

        if (reason.Trim().Length > 1000)
        {
            return Result<MaracCase>.Fail(new FieldError("Reason", "The reason must be 1,000 characters or fewer"));
        }

        await using var write = await audit.BeginAsync(ct);
        var (meeting, item) = await LoadAsync(caseId, ct);
        if (meeting.PackReleasedAt is not null)
        {
            return Fixed<MaracCase>();
        }

        var order = meeting.Cases.OrderBy(c => c.Position).ToList();
        if (newPosition < 1 || newPosition > order.Count)
        {
            return Result<MaracCase>.Fail(new FieldError("Position", $"Enter a place from 1 to {order.Count}"));
        }

        var from = item.Position;
        order.Remove(item);
        order.Insert(newPosition - 1, item);
        Renumber(order);
        // The reason stays on the case, not in the permanent audit trail: the co-ordinator's words may name people.
        item.ReorderReason = reason.Trim();
        item.Version++;
        meeting.Version++;
        write.Record("marac.case-moved", "MaracCase", Id(item.Id), summary: item.Reference,
            before: new { Position = from }, after: new { item.Position, ReasonGiven = true });
        return await CommitAsync(write, item, ct);
    }

    /// <summary>Takes a case off the agenda, with the reason; its referral waits again for the next meeting.</summary>
    public async Task<Result<MaracMeeting>> RemoveAsync(int caseId, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<MaracMeeting>.Fail(new FieldError("Reason", "Enter why the case is taken off the agenda"));
        }

        if (reason.Trim().Length > 1000)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Reason", "The reason must be 1,000 characters or fewer"));
        }

        await using var write = await audit.BeginAsync(ct);
        var (meeting, item) = await LoadAsync(caseId, ct);
        if (meeting.PackReleasedAt is not null)
        {
            return Fixed<MaracMeeting>();
        }

        var referral = await db.MaracReferrals.FirstAsync(r => r.Id == item.MaracReferralId, ct);

        // The case row goes, so the reason is kept on the referral (the latest removal's), not in the permanent audit
        // trail: the co-ordinator's words may name people.
        referral.MeetingId = null;
        referral.RemovedReason = reason.Trim();
        meeting.Cases.Remove(item);
        db.MaracCases.Remove(item);
        Renumber([.. meeting.Cases.OrderBy(c => c.Position)]);
        meeting.Version++;
        write.Record("marac.case-removed", "MaracCase", Id(item.Id), summary: item.Reference,
            before: new { item.Position, MeetingId = meeting.Id }, after: new { ReasonGiven = true });
        return await CommitAsync(write, meeting, ct);
    }

    /// <summary>
    /// Victims whose last MARAC in the area was about 12 months before this one: heard in the interval that ends 12
    /// months before this meeting, so each is listed at exactly one meeting.
    /// </summary>
    public async Task<IReadOnlyList<TwelveMonthNotice>> TwelveMonthNoticesAsync(MaracMeeting meeting, CancellationToken ct = default)
    {
        var schedule = await settings.ScheduleAsync(meeting.AreaId, ct);
        var to = meeting.Date.AddMonths(-12);
        var from = to.AddDays(-schedule.IntervalDays);
        // Only meetings from the window's start matter: a victim whose last hearing was before it is not listed, and
        // one heard since has that later hearing among these rows, so the latest per victim is the same as over all.
        var heard = await db.MaracCases.AsNoTracking()
            .Join(db.MaracMeetings.Where(m => m.AreaId == meeting.AreaId && m.Date >= from && m.Date < meeting.Date), c => c.MeetingId, m => m.Id, (c, m) => new { c.VictimPersonId, c.Reference, m.Date })
            .Where(x => x.VictimPersonId != null)
            .ToListAsync(ct);
        return [.. heard.GroupBy(x => x.VictimPersonId!.Value)
            .Select(g => g.OrderByDescending(x => x.Date).First())
            .Where(x => x.Date >= from && x.Date < to)
            .OrderBy(x => x.Date).ThenBy(x => x.Reference)
            .Select(x => new TwelveMonthNotice(x.VictimPersonId!.Value, x.Reference, x.Date))];
    }

    private static bool Comes(MaracCase item, MaracCase other) =>
        item.Category < other.Category || (item.Category == other.Category && item.ReferredAt < other.ReferredAt);

    private static void Renumber(List<MaracCase> order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Position = i + 1;
        }
    }

    private async Task<(MaracMeeting, MaracCase)> LoadAsync(int caseId, CancellationToken ct)
    {
        var meetingId = await db.MaracCases.Where(c => c.Id == caseId).Select(c => c.MeetingId).FirstAsync(ct);
        var meeting = await db.MaracMeetings.Include(m => m.Cases).FirstAsync(m => m.Id == meetingId, ct);
        return (meeting, meeting.Cases.First(c => c.Id == caseId));
    }

    /// <summary>Saves, or says the agenda changed under the user (another co-ordinator, or the release at the deadline).</summary>
    private static async Task<Result<T>> CommitAsync<T>(AuditedWrite write, T value, CancellationToken ct)
    {
        try
        {
            await write.CommitAsync(ct);
            return Result<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<T>.Fail(new FieldError("Agenda", "Someone else changed this agenda, or the pack was released, while you were working on it: check it and try again"));
        }
    }

    private static Result<T> Fixed<T>() =>
        Result<T>.Fail(new FieldError("Agenda", "The pack has been released, so the agenda is fixed"));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
