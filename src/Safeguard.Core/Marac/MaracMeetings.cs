using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Marac;

/// <summary>
/// Sets up one MARAC on a date of the area's schedule: its times as the schedule gives them today, and one attendance
/// row per invited agency. Those rows are the meeting's invited list from then on (changing the area's list later
/// does not change who sees this meeting's pack).
/// </summary>
public sealed class MaracMeetings(SafeguardDbContext db, AuditTrail audit, MaracSettings settings, TimeProvider clock)
{
    public async Task<Result<MaracMeeting>> SetUpAsync(int areaId, DateOnly date, CancellationToken ct = default)
    {
        var calendar = await settings.CalendarAsync(areaId, ct);
        if (!calendar.IsMeetingDate(date))
        {
            return Result<MaracMeeting>.Fail(new FieldError("Date", $"{London.Format(date)} is not a MARAC date in this area's schedule"));
        }

        if (await db.MaracMeetings.AnyAsync(m => m.AreaId == areaId && m.Date == date, ct))
        {
            return Result<MaracMeeting>.Fail(new FieldError("Date", $"The MARAC on {London.Format(date)} is already set up"));
        }

        await using var write = await audit.BeginAsync(ct);
        var meeting = new MaracMeeting
        {
            AreaId = areaId, Date = date, StartsAtUtc = calendar.StartsAtUtc(date), PackReleaseByUtc = calendar.PackReleaseByUtc(date),
            CreatedAt = clock.GetUtcNow().UtcDateTime, Version = 1,
        };
        db.MaracMeetings.Add(meeting);
        try
        {
            await db.SaveChangesAsync(ct);
            var invited = await settings.InvitedAsync(areaId, ct);
            db.MaracAttendance.AddRange(invited.Select(a => new MaracAttendance { MeetingId = meeting.Id, AgencyId = a, Status = AttendanceStatus.NotRecorded, Version = 1 }));
            write.Record("marac.meeting-set-up", "MaracMeeting", meeting.Id.ToString(CultureInfo.InvariantCulture), summary: Name(meeting),
                after: new { AreaId = areaId, Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Invited = invited.Order().ToList() });
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two co-ordinators setting up the same date at once: the unique index lets one through.
            return Result<MaracMeeting>.Fail(new FieldError("Date", $"The MARAC on {London.Format(date)} is already set up"));
        }

        return Result<MaracMeeting>.Ok(meeting);
    }

    /// <summary>The reference a meeting goes by in audit summaries, notifications and file names: no personal data.</summary>
    public static string Name(MaracMeeting meeting) => $"MARAC {meeting.Date:yyyy-MM-dd}";
}
