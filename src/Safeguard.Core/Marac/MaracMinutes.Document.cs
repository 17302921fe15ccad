using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Common;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Marac;

/// <summary>The minutes' document, made from what the meeting recorded (never typed twice).</summary>
public sealed partial class MaracMinutes
{
    /// <summary>The minutes as the record stands now, as the next version would be.</summary>
    public async Task<byte[]> BuildAsync(int meetingId, CancellationToken ct = default)
    {
        var next = await db.MaracMinutesVersions.Where(v => v.MeetingId == meetingId).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0;
        return await BuildAsync(meetingId, next + 1, ct);
    }

    private async Task<byte[]> BuildAsync(int meetingId, int number, CancellationToken ct)
    {
        var meeting = await db.MaracMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        var area = await db.Areas.Where(a => a.Id == meeting.AreaId).Select(a => a.Name).FirstAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        string AgencyName(int id) => agencies.GetValueOrDefault(id, "An agency");

        var paragraphs = new List<string>
        {
            $"{area}, {London.Format(meeting.Date)}. Version {number}.",
            "Confidential: for the agencies invited to the meeting, to be kept and shared only as the MARAC information-sharing agreement allows.",
        };
        await AddAttendanceAsync(meetingId, paragraphs, AgencyName, ct);

        var cases = await db.MaracCases.AsNoTracking().Where(c => c.MeetingId == meetingId).OrderBy(c => c.Position).ToListAsync(ct);
        var caseIds = cases.Select(c => c.Id).ToList();
        var information = (await db.MaracCaseInformation.AsNoTracking().Where(i => caseIds.Contains(i.CaseId)).ToListAsync(ct)).ToLookup(i => i.CaseId);
        var actions = (await db.CaseActions.AsNoTracking().Where(a => a.Source == ActionSource.MaracCase && caseIds.Contains(a.SourceId)).ToListAsync(ct))
            .ToLookup(a => a.SourceId);
        var earlier = await EarlierActionsAsync(meeting, ct);
        var ownerIds = actions.SelectMany(g => g).Concat(earlier.Select(e => e.Action)).Select(a => a.OwnerUserId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        paragraphs.Add("## Actions from earlier meetings");
        if (earlier.Count == 0)
        {
            paragraphs.Add("No updates on earlier actions were recorded at this meeting.");
        }

        foreach (var (action, updates) in earlier)
        {
            paragraphs.Add($"{action.Reference}: {action.Description} Owner: {owners.GetValueOrDefault(action.OwnerUserId, "unknown")}, {AgencyName(action.OwnerAgencyId)}. "
                + $"Due {London.Format(action.DueOn)}. Now: {ActionStatusNames.Of(action.Status).ToLowerInvariant()}.");
            paragraphs.AddRange(updates.Select(u => $"Update ({ActionStatusNames.Of(u.Status).ToLowerInvariant()}): {u.Note}"));
        }

        foreach (var c in cases)
        {
            paragraphs.Add($"## {c.Position}. {c.Reference}: {MaracNames.Of(c.Category)}");
            paragraphs.Add($"Children linked: {(c.ChildrenLinked ? "yes" : "no")}.");
            paragraphs.Add(c.VictimViews is null ? "The victim's views: not recorded." : $"The victim's views: {c.VictimViews}");
            foreach (var i in information[c.Id].OrderBy(i => AgencyName(i.AgencyId), StringComparer.OrdinalIgnoreCase))
            {
                paragraphs.Add($"{AgencyName(i.AgencyId)}: " + (i.Known ? $"known ({i.Involvement?.ToString().ToLowerInvariant() ?? "involvement not recorded"}). {i.Summary}" : "not known."));
            }

            paragraphs.Add(c.RiskSummary is null ? "The chair's risk summary: not recorded." : $"The chair's risk summary: {c.RiskSummary}");
            var agreed = actions[c.Id].OrderBy(a => a.Id).ToList();
            if (agreed.Count == 0)
            {
                paragraphs.Add("No actions were agreed.");
            }

            paragraphs.AddRange(agreed.Select(a =>
                $"Action: {a.Description} Owner: {owners.GetValueOrDefault(a.OwnerUserId, "unknown")}, {AgencyName(a.OwnerAgencyId)}. Due {London.Format(a.DueOn)}."));
        }

        paragraphs.Add("## Corrections");
        var accepted = await db.MaracMinutesCorrections.AsNoTracking()
            .Where(x => x.MeetingId == meetingId && x.Status == CorrectionStatus.Accepted && x.AcceptedIntoVersion <= number)
            .OrderBy(x => x.AcceptedIntoVersion).ThenBy(x => x.Id).ToListAsync(ct);
        if (accepted.Count == 0)
        {
            paragraphs.Add("None.");
        }

        paragraphs.AddRange(accepted.Select(x =>
            $"Version {x.AcceptedIntoVersion}: proposed by {AgencyName(x.AgencyId)} on version {x.VersionNumber}: {x.Text}" + (x.Response is null ? "" : $" Co-ordinator: {x.Response}")));
        return SimpleDocx.Build($"MARAC minutes, {London.Format(meeting.Date)}", paragraphs);
    }

    private async Task AddAttendanceAsync(int meetingId, List<string> paragraphs, Func<int, string> agencyName, CancellationToken ct)
    {
        var attendance = await db.MaracAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct);
        var ordered = attendance.OrderBy(a => agencyName(a.AgencyId), StringComparer.OrdinalIgnoreCase).ToList();
        paragraphs.Add("## Attendance");
        var present = ordered.Where(a => a.Status == AttendanceStatus.Present).ToList();
        paragraphs.Add(present.Count == 0 ? "Present: none recorded." : "Present: " + string.Join("; ", present.Select(a =>
            agencyName(a.AgencyId) + (string.IsNullOrWhiteSpace(a.Representative) ? "" : $" ({a.Representative})"))) + ".");
        var apologies = ordered.Where(a => a.Status == AttendanceStatus.Apologies).ToList();
        paragraphs.Add(apologies.Count == 0 ? "Apologies: none." : "Apologies: " + string.Join("; ", apologies.Select(a =>
            agencyName(a.AgencyId) + (string.IsNullOrWhiteSpace(a.WrittenInformation) ? " (no written information received)" : " (written information received)"))) + ".");
        var unknown = ordered.Where(a => a.Status == AttendanceStatus.NotRecorded).ToList();
        if (unknown.Count > 0)
        {
            paragraphs.Add("Attendance not recorded: " + string.Join("; ", unknown.Select(a => agencyName(a.AgencyId))) + ".");
        }

        // Which agencies' people acknowledged the confidentiality statement: the roll of names is in the record, not the minutes.
        var acknowledged = await db.MaracAttendees.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .GroupBy(a => a.AgencyId).Select(g => new { Agency = g.Key, People = g.Count() }).ToListAsync(ct);
        paragraphs.Add(acknowledged.Count == 0 ? "Confidentiality statement: no acknowledgement recorded."
            : "Confidentiality statement acknowledged by the people attending for: " + string.Join("; ", acknowledged
                .OrderBy(a => agencyName(a.Agency), StringComparer.OrdinalIgnoreCase)
                .Select(a => $"{agencyName(a.Agency)} ({a.People} {(a.People == 1 ? "person" : "people")})")) + ".");
    }

    /// <summary>Actions set at earlier meetings of the area with updates dated during this meeting (opened to closed).</summary>
    private async Task<List<(CaseAction Action, List<ActionUpdate> Updates)>> EarlierActionsAsync(MaracMeeting meeting, CancellationToken ct)
    {
        var from = meeting.OpenedAt ?? meeting.StartsAtUtc;
        var to = meeting.ClosedAt ?? from.AddDays(1);
        var earlierCases = db.MaracCases.Where(c => db.MaracMeetings.Any(m => m.Id == c.MeetingId && m.AreaId == meeting.AreaId && m.Date < meeting.Date)).Select(c => c.Id);
        var found = await db.CaseActions.AsNoTracking().Include(a => a.Updates)
            .Where(a => a.Source == ActionSource.MaracCase && earlierCases.Contains(a.SourceId) && a.Updates.Any(u => u.At >= from && u.At <= to))
            .OrderBy(a => a.Reference).ThenBy(a => a.Id).ToListAsync(ct);
        return found.Select(a => (a, a.Updates.Where(u => u.At >= from && u.At <= to).OrderBy(u => u.At).ToList())).ToList();
    }
}
