using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.Marac;

/// <summary>
/// A MARAC's minutes and their versions. Version 1 is made from what was recorded once the meeting is closed; the
/// co-ordinator releases it to the attendees. An invited agency's person may then propose a correction; the
/// co-ordinator accepts it (a new version is made, kept whole beside the earlier ones, and released at once) or
/// refuses it with a reason. Every version is kept and can be downloaded; nothing is ever edited in place.
/// </summary>
public sealed partial class MaracMinutes(SafeguardDbContext db, AuditTrail audit, AuditContext actor, Notifier notifier, TimeProvider clock)
{
    public const int MaxCorrection = 4000;
    public const int MaxResponse = 2000;
    public const string NotReleasedMessage = "The minutes have not been released yet, so there is nothing to correct";
    public const string StaleMessage = "Someone else decided on this correction while you were working on it. Check it and try again.";

    public static string PathOf(int meetingId) => $"/marac/meetings/{meetingId}/minutes";

    /// <summary>The reference the notifications and the audit trail use: the area's meeting by date, never a case.</summary>
    public static string ReferenceOf(MaracMeeting meeting) => $"MARAC {meeting.Date:yyyy-MM-dd}";

    public static string FileNameOf(MaracMeeting meeting, int number) =>
        $"marac-minutes-{meeting.Date:yyyy-MM-dd}-version-{number.ToString(CultureInfo.InvariantCulture)}.docx";

    /// <summary>Makes version 1 from the record. Only once the meeting is closed, and only once: later versions come from accepted corrections.</summary>
    public async Task<Result<MaracMinutesVersion>> CreateAsync(int meetingId, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.ClosedAt is null)
        {
            return Result<MaracMinutesVersion>.Fail(new FieldError("Minutes", "Close the meeting before making its minutes"));
        }

        if (await db.MaracMinutesVersions.AnyAsync(v => v.MeetingId == meetingId, ct))
        {
            return Result<MaracMinutesVersion>.Fail(new FieldError("Minutes",
                "The minutes have been made already. A new version is made when a correction is accepted"));
        }

        var version = await AddVersionAsync(meeting, 1, null, ct);
        write.Record("marac.minutes-created", "MaracMeeting", Id(meetingId), summary: $"{ReferenceOf(meeting)}; version 1");
        return await CommitAsync(write, version, ct);
    }

    /// <summary>Releases the latest version to the attendees: the invited agencies' MARAC people and the area's co-ordinators.</summary>
    public async Task<Result<MaracMinutesVersion>> ReleaseAsync(int meetingId, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        var latest = await db.MaracMinutesVersions.Where(v => v.MeetingId == meetingId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Result<MaracMinutesVersion>.Fail(new FieldError("Minutes", "Make the minutes before releasing them"));
        }

        if (latest.ReleasedAt is not null)
        {
            return Result<MaracMinutesVersion>.Fail(new FieldError("Minutes", $"Version {latest.Number} has already been released"));
        }

        var told = await ReleaseInWriteAsync(meeting, latest, ct);
        if (told is null)
        {
            return Result<MaracMinutesVersion>.Fail(new FieldError("Minutes", $"Version {latest.Number} has already been released"));
        }

        write.Record("marac.minutes-released", "MaracMeeting", Id(meetingId), summary: $"{ReferenceOf(meeting)}; version {latest.Number}; {told} people told");
        return await CommitAsync(write, latest, ct);
    }

    /// <summary>An invited agency's person proposes a correction to the latest released version.</summary>
    public async Task<Result<MaracMinutesCorrection>> ProposeCorrectionAsync(int meetingId, int? agencyId, string? text, CancellationToken ct = default)
    {
        var released = await db.MaracMinutesVersions.Where(v => v.MeetingId == meetingId && v.ReleasedAt != null)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        if (released is not int number)
        {
            return Result<MaracMinutesCorrection>.Fail(new FieldError("Text", NotReleasedMessage));
        }

        if (agencyId is not int agency || actor.ActorUserId is not { } proposer
            || !await db.MaracAttendance.AnyAsync(a => a.MeetingId == meetingId && a.AgencyId == agency, ct))
        {
            return Result<MaracMinutesCorrection>.Fail(new FieldError("Text", "Only the people of an agency invited to the meeting can propose a correction"));
        }

        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is null)
        {
            return Result<MaracMinutesCorrection>.Fail(new FieldError("Text", "Enter the correction you propose"));
        }

        if (trimmed.Length > MaxCorrection)
        {
            return Result<MaracMinutesCorrection>.Fail(new FieldError("Text", $"The correction must be {MaxCorrection} characters or fewer"));
        }

        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        var correction = new MaracMinutesCorrection
        {
            MeetingId = meetingId, VersionNumber = number, AgencyId = agency, ProposedByUserId = proposer,
            ProposedAt = clock.GetUtcNow().UtcDateTime, Text = trimmed, Status = CorrectionStatus.Proposed, Version = 1,
        };
        await using var write = await audit.BeginAsync(ct);
        db.MaracMinutesCorrections.Add(correction);
        await db.SaveChangesAsync(ct);
        // The text may name people: the audit says which meeting and version only.
        write.Record("marac.correction-proposed", "MaracMinutesCorrection", Id(correction.Id), summary: $"{ReferenceOf(meeting)}; version {number}");
        await write.CommitAsync(ct);
        return Result<MaracMinutesCorrection>.Ok(correction);
    }

    /// <summary>
    /// The co-ordinator's decision. Refusing needs the reason, which the proposer reads. Accepting makes the next
    /// version, with the correction in its Corrections section, and releases it at once.
    /// </summary>
    public async Task<Result<MaracMinutesCorrection>> DecideCorrectionAsync(int correctionId, bool? accept, string? response, int version, CancellationToken ct = default)
    {
        var trimmed = string.IsNullOrWhiteSpace(response) ? null : response.Trim();
        var errors = new List<FieldError>();
        if (accept is null)
        {
            errors.Add(new("Decision", "Select whether to accept or refuse the correction"));
        }
        else if (accept == false && trimmed is null)
        {
            errors.Add(new("Response", "Enter why the correction is refused"));
        }

        if (trimmed is { Length: > MaxResponse })
        {
            errors.Add(new("Response", $"The response must be {MaxResponse} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<MaracMinutesCorrection>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var correction = await db.MaracMinutesCorrections.FirstAsync(c => c.Id == correctionId, ct);
        if (correction.Version != version || correction.Status != CorrectionStatus.Proposed)
        {
            return Result<MaracMinutesCorrection>.Fail(new FieldError("Decision", StaleMessage));
        }

        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == correction.MeetingId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        correction.Status = accept!.Value ? CorrectionStatus.Accepted : CorrectionStatus.Refused;
        correction.Response = trimmed;
        correction.DecidedAt = now;
        correction.DecidedByUserId = actor.ActorUserId;
        correction.Version++;
        if (accept.Value)
        {
            var next = await db.MaracMinutesVersions.Where(v => v.MeetingId == meeting.Id).MaxAsync(v => v.Number, ct) + 1;
            correction.AcceptedIntoVersion = next;
            if (!await SaveAsync(ct))
            {
                return Result<MaracMinutesCorrection>.Fail(new FieldError("Decision", StaleMessage));
            }

            // Saved first, inside this transaction, so the new version's document lists this correction as accepted.
            var made = await AddVersionAsync(meeting, next, $"Correction accepted, proposed on {London.Format(London.DateOf(correction.ProposedAt))}", ct);
            var told = await ReleaseInWriteAsync(meeting, made, ct);
            write.Record("marac.correction-accepted", "MaracMinutesCorrection", Id(correction.Id), summary: $"{ReferenceOf(meeting)}; into version {next}");
            write.Record("marac.minutes-created", "MaracMeeting", Id(meeting.Id), summary: $"{ReferenceOf(meeting)}; version {next}");
            write.Record("marac.minutes-released", "MaracMeeting", Id(meeting.Id), summary: $"{ReferenceOf(meeting)}; version {next}; {told} people told");
        }
        else
        {
            write.Record("marac.correction-refused", "MaracMinutesCorrection", Id(correction.Id), summary: $"{ReferenceOf(meeting)}; version {correction.VersionNumber}");
        }

        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<MaracMinutesCorrection>.Fail(new FieldError("Decision", StaleMessage));
        }

        return Result<MaracMinutesCorrection>.Ok(correction);
    }

    private async Task<MaracMinutesVersion> AddVersionAsync(MaracMeeting meeting, int number, string? note, CancellationToken ct)
    {
        var version = new MaracMinutesVersion
        {
            MeetingId = meeting.Id, Number = number, Document = await BuildAsync(meeting.Id, number, ct), ChangeNote = note,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = actor.ActorUserId,
        };
        db.MaracMinutesVersions.Add(version);
        return version;
    }

    /// <summary>Marks the version released (claimed: only if nobody released it first) and tells the attendees. Null: someone was first.</summary>
    private async Task<int?> ReleaseInWriteAsync(MaracMeeting meeting, MaracMinutesVersion version, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (version.Id != 0)
        {
            var claimed = await db.MaracMinutesVersions.Where(v => v.Id == version.Id && v.ReleasedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ReleasedAt, now), ct);
            if (claimed == 0)
            {
                return null;
            }
        }

        version.ReleasedAt = now;
        var attendees = await AttendeesAsync(meeting, ct);
        await notifier.NotifyAsync(attendees, NotificationKind.MinutesReleased, PathOf(meeting.Id), ReferenceOf(meeting), ct);
        return attendees.Count;
    }

    /// <summary>The people with ViewMaracCases of the meeting's invited agencies, in its area, and the area's co-ordinators and chairs.</summary>
    public async Task<List<string>> AttendeesAsync(MaracMeeting meeting, CancellationToken ct = default)
    {
        var viewers = Capabilities.RolesWith(Capability.ViewMaracCases).ToList();
        var runners = Capabilities.RolesWith(Capability.PrepareMarac).ToList();
        var viewerRoles = db.Roles.Where(r => viewers.Contains(r.Name!)).Select(r => r.Id);
        var runnerRoles = db.Roles.Where(r => runners.Contains(r.Name!)).Select(r => r.Id);
        return await db.Users
            .Where(u => !u.IsDisabled && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == meeting.AreaId)
                && (db.UserRoles.Any(ur => ur.UserId == u.Id && runnerRoles.Contains(ur.RoleId))
                    || (db.UserRoles.Any(ur => ur.UserId == u.Id && viewerRoles.Contains(ur.RoleId))
                        && db.MaracAttendance.Any(a => a.MeetingId == meeting.Id && a.AgencyId == u.AgencyId))))
            .Select(u => u.Id)
            .ToListAsync(ct);
    }

    private async Task<Result<MaracMinutesVersion>> CommitAsync(AuditedWrite write, MaracMinutesVersion version, CancellationToken ct)
    {
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (meeting, number) index: another co-ordinator made this version at the same moment.
            db.ChangeTracker.Clear();
            return Result<MaracMinutesVersion>.Fail(new FieldError("Minutes", "Someone else changed these minutes while you were working on them. Check them and try again."));
        }

        return Result<MaracMinutesVersion>.Ok(version);
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
