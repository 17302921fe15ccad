using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Who may open a MARAC meeting or one of its cases, in one place. The co-ordinator or chair of the area, always.
/// A person of an invited agency (a row in the meeting's attendance) only when the meeting is in one of their areas
/// and open to them (<see cref="MaracSharing.IsOpenTo"/>, which runs on from the latest minutes release). Anyone else,
/// or at any other time: not found.
/// </summary>
public sealed class MaracScope(SafeguardDbContext db, TimeProvider clock)
{
    public async Task<MaracMeeting?> MeetingAsync(ClaimsPrincipal user, int meetingId, CancellationToken ct)
    {
        var meeting = await db.MaracMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !user.AreaIds().Contains(meeting.AreaId))
        {
            return null;
        }

        if (Capabilities.Has(user, Capability.PrepareMarac))
        {
            return meeting;
        }

        return await IsInvitedAndOpenAsync(user, meeting, ct) ? meeting : null;
    }

    public async Task<(MaracMeeting Meeting, MaracCase Case)?> CaseAsync(ClaimsPrincipal user, int caseId, CancellationToken ct)
    {
        var item = await db.MaracCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (item is null || await MeetingAsync(user, item.MeetingId, ct) is not { } meeting)
        {
            return null;
        }

        return (meeting, item);
    }

    /// <summary>True for the area's co-ordinators and chairs only: they change the agenda, run the meeting and release.</summary>
    public static bool Runs(ClaimsPrincipal user, MaracMeeting meeting) =>
        Capabilities.Has(user, Capability.PrepareMarac) && user.AreaIds().Contains(meeting.AreaId);

    private async Task<bool> IsInvitedAndOpenAsync(ClaimsPrincipal user, MaracMeeting meeting, CancellationToken ct) =>
        Capabilities.Has(user, Capability.ViewMaracCases)
        && user.AgencyId() is int agency
        && MaracSharing.IsOpenTo(meeting, clock.GetUtcNow().UtcDateTime, await LastMinutesReleasedAtAsync(db, meeting.Id, ct))
        && await db.MaracAttendance.AnyAsync(a => a.MeetingId == meeting.Id && a.AgencyId == agency, ct);

    /// <summary>When the meeting's minutes were last released (null if never): access runs on from it.</summary>
    public static Task<DateTime?> LastMinutesReleasedAtAsync(SafeguardDbContext db, int meetingId, CancellationToken ct) =>
        db.MaracMinutesVersions.Where(v => v.MeetingId == meetingId && v.ReleasedAt != null).MaxAsync(v => v.ReleasedAt, ct);
}
