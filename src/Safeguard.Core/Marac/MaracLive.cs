using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Marac;

public sealed record AttendanceInput(AttendanceStatus? Status, string? Representative, string? WrittenInformation, int Version);

public sealed record NewMaracAction(int? OwnerAgencyId, string? OwnerUserId, string? Description, DateOnly? DueOn);

/// <summary>
/// Runs a MARAC on the day: opening it, who came and who sent apologies, who agreed to keep the information
/// confidential, the earlier meetings' unfinished actions first, then actions on each case, and closing it. Each save
/// is one small audited transaction, so a co-ordinator typing through forty cases is never kept waiting. Who may call
/// what (the co-ordinator or chair, or an invited agency's own people) is the calling page's scope (MaracScope).
/// </summary>
public sealed class MaracLive(SafeguardDbContext db, AuditTrail audit, ActionLog actions, TimeProvider clock)
{
    public const string StaleAttendanceMessage = "Someone else recorded this agency's attendance while you were working on it. Check it and try again.";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens the meeting: only once the pack has gone to the agencies, and not before the meeting's day.</summary>
    public async Task<Result<MaracMeeting>> OpenAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.MaracMeetings.FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.ClosedAt is not null)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Meeting", "This meeting has closed and cannot be opened again"));
        }

        if (meeting.OpenedAt is not null)
        {
            return Result<MaracMeeting>.Ok(meeting);
        }

        if (meeting.PackReleasedAt is null)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Meeting", "Release the pack to the agencies before opening the meeting"));
        }

        if (London.Today(clock) < meeting.Date)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Meeting", $"The meeting can be opened on its day, {London.Format(meeting.Date)}"));
        }

        await using var write = await audit.BeginAsync(ct);
        meeting.OpenedAt = clock.GetUtcNow().UtcDateTime;
        meeting.Version++;
        write.Record("marac.meeting-opened", "MaracMeeting", Id(meeting.Id));
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Opened by the chair and the co-ordinator at once: it is open either way.
            db.ChangeTracker.Clear();
            return Result<MaracMeeting>.Ok(await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct));
        }

        return Result<MaracMeeting>.Ok(meeting);
    }

    /// <summary>
    /// An invited agency's attendance: present needs the representative's name; apologies may carry the agency's
    /// written information. The co-ordinator records it at the meeting; an agency that cannot come sends its own before.
    /// </summary>
    public async Task<Result<MaracAttendance>> RecordAttendanceAsync(int meetingId, int agencyId, AttendanceInput input, CancellationToken ct = default)
    {
        var row = await db.MaracAttendance.FirstOrDefaultAsync(a => a.MeetingId == meetingId && a.AgencyId == agencyId, ct);
        if (row is null)
        {
            return Result<MaracAttendance>.Fail(new FieldError("Status", "That agency was not invited to this meeting"));
        }

        if (await db.MaracMeetings.AnyAsync(m => m.Id == meetingId && m.ClosedAt != null, ct))
        {
            return Result<MaracAttendance>.Fail(new FieldError("Status", "This meeting has closed: attendance can no longer be changed"));
        }

        var errors = new List<FieldError>();
        var representative = Trimmed(input.Representative);
        var written = Trimmed(input.WrittenInformation);
        if (input.Status is null)
        {
            errors.Add(new("Status", "Select whether the agency is present or sent its apologies"));
        }
        else if (input.Status == AttendanceStatus.Present && representative is null)
        {
            errors.Add(new("Representative", "Enter the name of the agency's representative at the meeting"));
        }

        if (representative is { Length: > 200 })
        {
            errors.Add(new("Representative", "The representative's name must be 200 characters or fewer"));
        }

        if (written is { Length: > 8000 })
        {
            errors.Add(new("WrittenInformation", "The written information must be 8000 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<MaracAttendance>.Fail(errors);
        }

        if (row.Version != input.Version)
        {
            return Result<MaracAttendance>.Fail(new FieldError("Status", StaleAttendanceMessage));
        }

        await using var write = await audit.BeginAsync(ct);
        var before = row.Status;
        row.Status = input.Status!.Value;
        row.Representative = row.Status == AttendanceStatus.NotRecorded ? null : representative;
        // Written information is what an absent agency sends; kept as sent even if it turns up after all.
        row.WrittenInformation = written ?? row.WrittenInformation;
        row.Version++;
        write.Record("marac.attendance-recorded", "MaracMeeting", Id(meetingId), summary: $"agency {agencyId}",
            before: new { Status = before.ToString() }, after: new { Status = row.Status.ToString(), WrittenInformation = written is not null });
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<MaracAttendance>.Fail(new FieldError("Status", StaleAttendanceMessage));
        }

        return Result<MaracAttendance>.Ok(row);
    }

    /// <summary>
    /// Records that a person at the meeting agreed to the confidentiality statement; once is enough. Their agency must be
    /// invited, unless they run the meeting (the co-ordinator or chair, whose own agency may not be on the list).
    /// </summary>
    public async Task<Result<MaracAttendee>> AcknowledgeConfidentialityAsync(int meetingId, string userId, int agencyId, bool runsMeeting, CancellationToken ct = default)
    {
        var existing = await db.MaracAttendees.AsNoTracking().FirstOrDefaultAsync(a => a.MeetingId == meetingId && a.UserId == userId, ct);
        if (existing is not null)
        {
            return Result<MaracAttendee>.Ok(existing);
        }

        if (!runsMeeting && !await db.MaracAttendance.AnyAsync(a => a.MeetingId == meetingId && a.AgencyId == agencyId, ct))
        {
            return Result<MaracAttendee>.Fail(new FieldError("Agree", "Your agency was not invited to this meeting"));
        }

        var attendee = new MaracAttendee { MeetingId = meetingId, UserId = userId, AgencyId = agencyId, AcknowledgedAt = clock.GetUtcNow().UtcDateTime };
        await using var write = await audit.BeginAsync(ct);
        db.MaracAttendees.Add(attendee);
        write.Record("marac.confidentiality-acknowledged", "MaracMeeting", Id(meetingId), summary: $"agency {agencyId}");
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person agreeing twice at once (two tabs): the unique index keeps one, which is all that matters.
            db.ChangeTracker.Clear();
            return Result<MaracAttendee>.Ok(await db.MaracAttendees.AsNoTracking().FirstAsync(a => a.MeetingId == meetingId && a.UserId == userId, ct));
        }

        return Result<MaracAttendee>.Ok(attendee);
    }

    /// <summary>
    /// What the meeting reviews first: the unfinished actions from the area's earlier MARACs, and the unfinished DRAMM
    /// actions of the cases on this agenda. Actions finished during this meeting stay on the list so the room sees the
    /// update it just gave; anything finished before the meeting does not come back.
    /// </summary>
    public async Task<List<CaseAction>> PreviousActionsAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        var earlierCases = db.MaracCases.Where(c => db.MaracMeetings.Any(m => m.Id == c.MeetingId && m.AreaId == meeting.AreaId && m.Date < meeting.Date)).Select(c => c.Id);
        var drammCases = db.MaracCases.Where(c => c.MeetingId == meetingId)
            .Join(db.MaracReferrals, c => c.MaracReferralId, r => r.Id, (c, r) => r.DrammCaseId)
            .Where(d => d != null).Select(d => d!.Value);
        var openedAt = meeting.OpenedAt ?? DateTime.MaxValue;
        return await db.CaseActions.AsNoTracking()
            .Where(a => (a.Source == ActionSource.MaracCase && earlierCases.Contains(a.SourceId)) || (a.Source == ActionSource.DrammCase && drammCases.Contains(a.SourceId)))
            .Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress || (a.CompletedAt != null && a.CompletedAt >= openedAt))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The owner agency's update on an earlier action, given at the meeting and typed in by the co-ordinator. The action
    /// log's rules stand (only the owner agency; done needs evidence; the version it was shown at); the audit adds
    /// that it was recorded at this meeting and by whom.
    /// </summary>
    public async Task<Result<CaseAction>> RecordActionUpdateAtMeetingAsync(int meetingId, int actionId, int byAgencyId, ActionUpdateInput input, CancellationToken ct = default)
    {
        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.OpenedAt is null || meeting.ClosedAt is not null)
        {
            return Result<CaseAction>.Fail(new FieldError("Status", "Updates are recorded here only while the meeting is open"));
        }

        if (!await db.CaseActions.AnyAsync(a => a.Id == actionId && a.AreaId == meeting.AreaId, ct))
        {
            return Result<CaseAction>.Fail(new FieldError("Status", "That action is not one of this area's"));
        }

        return await actions.UpdateAsync(actionId, byAgencyId, input, ct, atMaracMeetingId: meetingId);
    }

    /// <summary>An action agreed on a case: the one action log's rules, and the owner agency must be one invited to the meeting.</summary>
    public async Task<Result<CaseAction>> AddActionAsync(int caseId, NewMaracAction input, CancellationToken ct = default)
    {
        var item = await db.MaracCases.AsNoTracking().FirstAsync(c => c.Id == caseId, ct);
        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == item.MeetingId, ct);
        if (meeting.OpenedAt is null || meeting.ClosedAt is not null)
        {
            return Result<CaseAction>.Fail(new FieldError("Description", "Actions are agreed while the meeting is open"));
        }

        if (input.OwnerAgencyId is int agency && !await db.MaracAttendance.AnyAsync(a => a.MeetingId == meeting.Id && a.AgencyId == agency, ct))
        {
            return Result<CaseAction>.Fail(new FieldError("OwnerAgencyId", "Select an agency invited to this meeting"));
        }

        return await actions.AddAsync(new NewAction(ActionSource.MaracCase, item.Id, item.Reference, meeting.AreaId, input.OwnerAgencyId, input.OwnerUserId,
            input.Description, input.DueOn), ct);
    }

    /// <summary>Closes the meeting once every case has the chair's summary of the risks.</summary>
    public async Task<Result<MaracMeeting>> CloseAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.MaracMeetings.FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.OpenedAt is null)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Meeting", "Open the meeting before closing it"));
        }

        if (meeting.ClosedAt is not null)
        {
            return Result<MaracMeeting>.Ok(meeting);
        }

        var missing = await db.MaracCases.AsNoTracking().Where(c => c.MeetingId == meetingId && (c.RiskSummary == null || c.RiskSummary == ""))
            .OrderBy(c => c.Position).Select(c => c.Reference).ToListAsync(ct);
        if (missing.Count > 0)
        {
            return Result<MaracMeeting>.Fail(new FieldError("Meeting", $"Record the chair's summary of the risks for {string.Join(", ", missing)} before closing the meeting"));
        }

        await using var write = await audit.BeginAsync(ct);
        meeting.ClosedAt = clock.GetUtcNow().UtcDateTime;
        meeting.Version++;
        write.Record("marac.meeting-closed", "MaracMeeting", Id(meeting.Id));
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<MaracMeeting>.Ok(await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct));
        }

        return Result<MaracMeeting>.Ok(meeting);
    }

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

}
