using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Who may open a DRAMM case, in one place. The co-ordinator of the area, always. An agency's representative only
/// when the meeting is in one of their areas, their agency was among those it was shared with, and it is open:
/// from the release time to <see cref="DrammSharing.AccessDays"/> days after the meeting. Anyone else, or at any
/// other time: not found.
/// </summary>
public sealed class DrammCaseScope(SafeguardDbContext db, DrammSharing sharing, TimeProvider clock)
{
    public async Task<(DrammMeeting Meeting, DrammCase Case)?> CaseAsync(ClaimsPrincipal user, int caseId, CancellationToken ct)
    {
        var item = await db.DrammCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.OnList, ct);
        if (item is null || await MeetingAsync(user, item.MeetingId, ct) is not { } meeting)
        {
            return null;
        }

        return (meeting, item);
    }

    public async Task<DrammMeeting?> MeetingAsync(ClaimsPrincipal user, int meetingId, CancellationToken ct)
    {
        var meeting = await db.DrammMeetings.AsNoTracking().Include(m => m.Cases).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !user.AreaIds().Contains(meeting.AreaId))
        {
            return null;
        }

        if (Capabilities.Has(user, Capability.PrepareDramm))
        {
            return meeting;
        }

        var open = Capabilities.Has(user, Capability.ViewDrammCases)
            && user.AgencyId() is int agency
            && DrammSharing.IsOpenTo(meeting, clock.GetUtcNow().UtcDateTime)
            && await sharing.SharedWithAsync(meeting.Id, agency, ct);
        return open ? meeting : null;
    }
}
