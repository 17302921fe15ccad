using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;

namespace Safeguard.Core.Marac;

public sealed record CaseRecordInput(string? VictimViews, string? RiskSummary, int Version);

public sealed record MaracInformationInput(bool? Known, Involvement? Involvement, string? Summary, int? Version);

public sealed record InvitedAgency(int Id, string Name, AttendanceStatus Status);

public sealed record AgencyInformationRow(int AgencyId, string Agency, MaracCaseInformation Information);

/// <summary>A case as recorded so far: what every reader of /marac/cases/{id} and the live screen loads.</summary>
public sealed record MaracCaseView(MaracMeeting Meeting, MaracCase Case, IReadOnlyList<InvitedAgency> Agencies,
    IReadOnlyList<AgencyInformationRow> Information, IReadOnlyList<CaseAction> Actions);

/// <summary>
/// What the meeting records on one case: the IDVA's account of the victim's views, the chair's summary of the risks,
/// and each invited agency's information (its own people before or during the meeting, or the co-ordinator for it
/// during the meeting). Each save is one small transaction checked against the version the person was shown, so two
/// people typing at once never silently overwrite each other.
/// </summary>
public sealed class MaracCaseRecord(SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock)
{
    public const string StaleInformationMessage = "Someone else changed this agency's information while you were working on it. Their version is shown; check it and save again.";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The case, its meeting, the invited agencies, their information and the case's actions: four small queries.</summary>
    public async Task<MaracCaseView?> LoadAsync(int caseId, CancellationToken ct = default)
    {
        var found = await db.MaracCases.AsNoTracking().Where(c => c.Id == caseId)
            .Join(db.MaracMeetings, c => c.MeetingId, m => m.Id, (c, m) => new { Case = c, Meeting = m })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var agencies = await InvitedAsync(found.Meeting.Id, ct);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var information = (await db.MaracCaseInformation.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(ct))
            .Select(i => new AgencyInformationRow(i.AgencyId, names.GetValueOrDefault(i.AgencyId, "An agency no longer invited"), i))
            .OrderBy(r => r.Agency, StringComparer.Ordinal).ToList();
        var caseActions = await db.CaseActions.AsNoTracking().Where(a => a.Source == ActionSource.MaracCase && a.SourceId == caseId).OrderBy(a => a.Id).ToListAsync(ct);
        return new MaracCaseView(found.Meeting, found.Case, agencies, information, caseActions);
    }

    /// <summary>The meeting's invited agencies (its attendance rows), by name.</summary>
    public async Task<List<InvitedAgency>> InvitedAsync(int meetingId, CancellationToken ct = default) =>
        (await db.MaracAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { a.AgencyId, g.Name, a.Status })
            .ToListAsync(ct))
        .Select(x => new InvitedAgency(x.AgencyId, x.Name, x.Status)).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();

    /// <summary>The victim's views and the risk summary, at the meeting; the first save marks the case discussed.</summary>
    public async Task<Result<MaracCase>> SaveCaseAsync(int caseId, CaseRecordInput input, CancellationToken ct = default)
    {
        var item = await db.MaracCases.FirstAsync(c => c.Id == caseId, ct);
        var meeting = await db.MaracMeetings.AsNoTracking().Where(m => m.Id == item.MeetingId).Select(m => new { m.OpenedAt, m.ClosedAt }).FirstAsync(ct);
        if (meeting.OpenedAt is null || meeting.ClosedAt is not null)
        {
            return Result<MaracCase>.Fail(new FieldError("RiskSummary", meeting.OpenedAt is null
                ? "Open the meeting before recording what it said about a case"
                : "This meeting has closed: propose a correction to the minutes instead"));
        }

        var views = MaracLive.Trimmed(input.VictimViews);
        var risks = MaracLive.Trimmed(input.RiskSummary);
        var errors = new List<FieldError>();
        if (views is { Length: > 8000 })
        {
            errors.Add(new("VictimViews", "The victim's views must be 8000 characters or fewer"));
        }

        if (risks is { Length: > 8000 })
        {
            errors.Add(new("RiskSummary", "The summary of the risks must be 8000 characters or fewer"));
        }

        if (views is null && risks is null)
        {
            errors.Add(new("VictimViews", "Enter the victim's views or the chair's summary of the risks"));
        }

        if (errors.Count > 0)
        {
            return Result<MaracCase>.Fail(errors);
        }

        if (item.Version != input.Version)
        {
            return Result<MaracCase>.Fail(new FieldError("VictimViews", await StaleCaseMessageAsync(item.DiscussedByUserId, ct)));
        }

        await using var write = await audit.BeginAsync(ct);
        item.VictimViews = views;
        item.RiskSummary = risks;
        item.DiscussedAt ??= clock.GetUtcNow().UtcDateTime;
        item.DiscussedByUserId = actor.ActorUserId;
        item.Version++;
        write.Record("marac.case-saved", "MaracCase", Id(item.Id), summary: item.Reference,
            after: new { VictimViews = views is not null, RiskSummary = risks is not null });
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var by = await db.MaracCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.DiscussedByUserId).FirstAsync(ct);
            return Result<MaracCase>.Fail(new FieldError("VictimViews", await StaleCaseMessageAsync(by, ct)));
        }

        return Result<MaracCase>.Ok(item);
    }

    private async Task<string> StaleCaseMessageAsync(string? byUserId, CancellationToken ct)
    {
        var name = byUserId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == byUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return $"{name ?? "Someone else"} saved this case while you were working on it. What they saved is shown below: add anything of yours to it and save again.";
    }

    /// <summary>
    /// One invited agency's information on a case, updated in place. Its own people record it from the pack's release
    /// until the meeting closes; the co-ordinator (<paramref name="forAgencyAtMeeting"/>) types it in for an agency
    /// only while the meeting is open.
    /// </summary>
    public async Task<Result<MaracCaseInformation>> SaveAgencyInformationAsync(int caseId, int agencyId, MaracInformationInput input, bool forAgencyAtMeeting, CancellationToken ct = default)
    {
        var meeting = await db.MaracCases.AsNoTracking().Where(c => c.Id == caseId)
            .Join(db.MaracMeetings, c => c.MeetingId, m => m.Id, (c, m) => new { m.Id, m.OpenedAt, m.ClosedAt, Invited = db.MaracAttendance.Any(a => a.MeetingId == m.Id && a.AgencyId == agencyId) })
            .FirstAsync(ct);
        if (!meeting.Invited)
        {
            return Result<MaracCaseInformation>.Fail(new FieldError("Known", "That agency was not invited to this meeting"));
        }

        if (meeting.ClosedAt is not null)
        {
            return Result<MaracCaseInformation>.Fail(new FieldError("Known", "This meeting has closed: propose a correction to the minutes instead"));
        }

        if (forAgencyAtMeeting && meeting.OpenedAt is null)
        {
            return Result<MaracCaseInformation>.Fail(new FieldError("Known", "Open the meeting before recording an agency's information for it"));
        }

        var (errors, summary) = AgencyInformationService.Check(input.Known, input.Involvement, input.Summary, 8000, "the agency");
        if (errors.Count > 0)
        {
            return Result<MaracCaseInformation>.Fail(errors);
        }

        var info = await db.MaracCaseInformation.FirstOrDefaultAsync(i => i.CaseId == caseId && i.AgencyId == agencyId, ct);
        if (info is not null && info.Version != input.Version || info is null && input.Version is > 0)
        {
            return Result<MaracCaseInformation>.Fail(new FieldError("Known", StaleInformationMessage));
        }

        await using var write = await audit.BeginAsync(ct);
        if (info is null)
        {
            info = new MaracCaseInformation { CaseId = caseId, AgencyId = agencyId };
            db.MaracCaseInformation.Add(info);
        }

        info.Known = input.Known!.Value;
        info.Involvement = info.Known ? input.Involvement : null;
        info.Summary = summary;
        info.RecordedAt = clock.GetUtcNow().UtcDateTime;
        info.RecordedByUserId = actor.ActorUserId;
        info.Version++;
        write.Record("marac.information-recorded", "MaracCase", Id(caseId), summary: $"agency {agencyId}",
            after: new { info.Known, Involvement = info.Involvement?.ToString(), AtMeeting = forAgencyAtMeeting });
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent update, or two first saves at once (the unique index keeps one): told, not lost silently.
            db.ChangeTracker.Clear();
            return Result<MaracCaseInformation>.Fail(new FieldError("Known", StaleInformationMessage));
        }

        return Result<MaracCaseInformation>.Ok(info);
    }
}
