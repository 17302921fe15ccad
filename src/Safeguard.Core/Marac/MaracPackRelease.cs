using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.Marac;

/// <summary>
/// Sends a meeting's pack to its invited agencies: when the co-ordinator says "release now", or by itself at the
/// meeting's deadline (<see cref="ReleaseDueAsync"/>). From then the agenda is fixed and the invited agencies' people
/// with MARAC access in the area are told, in the product and by email (a link and the meeting's reference only).
/// </summary>
public sealed class MaracPackRelease(SafeguardDbContext db, AuditTrail audit, AuditContext actor, Notifier notifier, TimeProvider clock, ILogger<MaracPackRelease> logger)
{
    public async Task<Result<MaracMeeting>> ReleaseAsync(int meetingId, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var meeting = await db.MaracMeetings.FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.PackReleasedAt is not null)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Release", "The pack has already been released"));
        }

        if (meeting.AgendaBuiltAt is null || !await db.MaracCases.AnyAsync(c => c.MeetingId == meetingId, ct))
        {
            return Result<MaracMeeting>.Fail(new FieldError("Release", "Build the agenda before releasing the pack: it has no cases"));
        }

        await ReleaseInAsync(meeting, actor.ActorUserId, write, ct);
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Released at the deadline, or the agenda changed, a moment ago.
            return Result<MaracMeeting>.Fail(new FieldError("Release", "The agenda changed or the pack was released while you were working: check it and try again"));
        }

        return Result<MaracMeeting>.Ok(meeting);
    }

    /// <summary>Releases every built agenda whose deadline has passed; each in its own write, so one failure stops no other.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.MaracMeetings.AsNoTracking()
            .Where(m => m.PackReleasedAt == null && m.AgendaBuiltAt != null && m.PackReleaseByUtc <= now && db.MaracCases.Any(c => c.MeetingId == m.Id))
            .Select(m => m.Id).ToListAsync(ct);
        var released = 0;
        foreach (var id in due)
        {
            try
            {
                released += await ReleaseOneDueAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One meeting's failure must not hold back every later meeting's release, sweep after sweep. The
                // meeting's id only is logged: the exception's message could carry data from the rows.
                logger.LogError("The MARAC pack release sweep could not release meeting {MeetingId} ({ExceptionType}); it will try again next sweep",
                    id, e.GetType().FullName);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return released;
    }

    /// <summary>Releases one meeting found due, in its own audited write: 1 when released, 0 when someone else did.</summary>
    private async Task<int> ReleaseOneDueAsync(int id, CancellationToken ct)
    {
        await using var write = await audit.BeginAsync(ct);
        var meeting = await db.MaracMeetings.FirstAsync(m => m.Id == id, ct);
        if (meeting.PackReleasedAt is not null)
        {
            return 0;
        }

        await ReleaseInAsync(meeting, null, write, ct);
        try
        {
            await write.CommitAsync(ct);
            return 1;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The co-ordinator released it a moment ago: nothing left to do.
            return 0;
        }
    }

    private async Task<int> ReleaseInAsync(MaracMeeting meeting, string? byUserId, AuditedWrite write, CancellationToken ct)
    {
        meeting.PackReleasedAt = clock.GetUtcNow().UtcDateTime;
        meeting.PackReleasedByUserId = byUserId;
        meeting.Version++;
        var roles = Capabilities.RolesWith(Capability.ViewMaracCases).ToList();
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var people = await db.Users
            .Where(u => !u.IsDisabled && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == meeting.AreaId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
                && db.MaracAttendance.Any(a => a.MeetingId == meeting.Id && a.AgencyId == u.AgencyId))
            .Select(u => u.Id)
            .ToListAsync(ct);
        await notifier.NotifyAsync(people, NotificationKind.PackReleased, $"/marac/meetings/{meeting.Id}", MaracMeetings.Name(meeting), ct);
        write.Record("marac.pack-released", "MaracMeeting", meeting.Id.ToString(CultureInfo.InvariantCulture),
            summary: $"{MaracMeetings.Name(meeting)}; {(byUserId is null ? "at the deadline" : "released now")}; {people.Count} people told",
            actorUserId: byUserId);
        return people.Count;
    }
}
