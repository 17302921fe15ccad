using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Documents;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.Dramm;

/// <summary>
/// The minutes of a DRAMM, made from what was recorded (never typed twice): who it was shared with, then each case
/// in the agenda's order with the agencies' information, the risk agreed, the MARAC decision and the actions. The
/// co-ordinator releases them once every case has its outcome; the attending agencies' people are told at once.
/// </summary>
public sealed class DrammMinutes(SafeguardDbContext db, AuditTrail audit, AuditContext actor, Notifier notifier, TimeProvider clock)
{
    public async Task<byte[]> BuildAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.DrammMeetings.AsNoTracking().Include(m => m.Cases).FirstAsync(m => m.Id == meetingId, ct);
        var area = await db.Areas.Where(a => a.Id == meeting.AreaId).Select(a => a.Name).FirstAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var shared = await db.DrammMeetingAgencies.Where(x => x.MeetingId == meetingId).Select(x => x.AgencyId).ToListAsync(ct);
        var caseIds = meeting.Cases.Select(c => c.Id).ToList();
        var information = (await db.AgencyInformation.AsNoTracking().Where(i => caseIds.Contains(i.CaseId)).ToListAsync(ct)).ToLookup(i => i.CaseId);
        var actions = (await db.CaseActions.AsNoTracking().Where(a => a.Source == ActionSource.DrammCase && caseIds.Contains(a.SourceId)).ToListAsync(ct))
            .ToLookup(a => a.SourceId);
        var ownerIds = actions.SelectMany(g => g).Select(a => a.OwnerUserId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var paragraphs = new List<string>
        {
            $"{area}, {London.Format(meeting.Date)}. Cases shared with: {(shared.Count == 0 ? "no agency" : string.Join(", ", shared.Select(id => agencies.GetValueOrDefault(id, "an agency")).Order()))}.",
            "Confidential: for the agencies that attended, to be kept and shared only as the information-sharing agreement allows.",
        };
        foreach (var c in meeting.Cases.Where(c => c.OnList).OrderBy(c => c.Position))
        {
            paragraphs.Add($"## {c.Position}. {c.Reference}: {DrammRules.GroupName(c.Group!.Value)}");
            paragraphs.Add($"On the list because: {c.OverruledReason ?? c.Reason}.");
            paragraphs.Add($"Children linked confirmed: {YesNo(c.ChildrenConfirmed)}. Names, dates of birth and addresses confirmed: {YesNo(c.DetailsConfirmed)}.");
            foreach (var i in information[c.Id].OrderBy(i => agencies.GetValueOrDefault(i.AgencyId), StringComparer.OrdinalIgnoreCase))
            {
                paragraphs.Add($"{agencies.GetValueOrDefault(i.AgencyId, "An agency")}: " + (i.Known ? $"known ({i.Involvement?.ToString().ToLowerInvariant()}). {i.Summary}" : "not known."));
            }

            paragraphs.Add(c.AgreedRisk is null ? "Risk: not recorded." : $"Risk agreed: {c.AgreedRisk}. {c.RiskRationale}");
            paragraphs.Add(c.Decision is null ? "MARAC: not decided." : $"MARAC: {DecisionText(c.Decision.Value)}. {c.DecisionRationale}");
            foreach (var a in actions[c.Id].OrderBy(a => a.Id))
            {
                paragraphs.Add($"Action: {a.Description} Owner: {owners.GetValueOrDefault(a.OwnerUserId, "unknown")}, {agencies.GetValueOrDefault(a.OwnerAgencyId, "an agency")}. Due {London.Format(a.DueOn)}.");
            }
        }

        return SimpleDocx.Build($"DRAMM minutes, {London.Format(meeting.Date)}", paragraphs);
    }

    /// <summary>Sends the minutes to the attending agencies: after the meeting has started, once every case has its outcome.</summary>
    public async Task<Result<DrammMeeting>> ReleaseAsync(int meetingId, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var meeting = await db.DrammMeetings.Include(m => m.Cases).FirstAsync(m => m.Id == meetingId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (meeting.MinutesReleasedAt is not null)
        {
            return Result<DrammMeeting>.Fail(new FieldError("Minutes", "The minutes have already been released"));
        }

        if (now < meeting.MeetsAtUtc)
        {
            return Result<DrammMeeting>.Fail(new FieldError("Minutes", "The meeting has not started, so there are no minutes to release yet"));
        }

        var open = meeting.Cases.Where(c => c.OnList && c.OutcomeRecordedAt is null).OrderBy(c => c.Position).Select(c => c.Reference).ToList();
        if (open.Count > 0)
        {
            return Result<DrammMeeting>.Fail(new FieldError("Minutes", $"Record the outcome of every case before releasing the minutes: {string.Join(", ", open)}"));
        }

        meeting.MinutesReleasedAt = now;
        meeting.MinutesReleasedByUserId = actor.ActorUserId;
        var roles = Capabilities.RolesWith(Capability.ViewDrammCases).ToList();
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var attendees = await db.Users
            .Where(u => !u.IsDisabled && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == meeting.AreaId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
                && db.DrammMeetingAgencies.Any(x => x.MeetingId == meeting.Id && x.AgencyId == u.AgencyId))
            .Select(u => u.Id)
            .ToListAsync(ct);
        await notifier.NotifyAsync(attendees, NotificationKind.MinutesReleased, $"/dramm/meetings/{meeting.Id}/minutes", $"DRAMM {meeting.Date:yyyy-MM-dd}", ct);
        write.Record("dramm.minutes-released", "DrammMeeting", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary: $"{meeting.Date:yyyy-MM-dd}; {attendees.Count} people told");
        await write.CommitAsync(ct);
        return Result<DrammMeeting>.Ok(meeting);
    }

    public static string DecisionText(MaracDecision d) => d switch
    {
        MaracDecision.FullDiscussion => "referred for full discussion",
        MaracDecision.SignificantUpdate => "referred as a significant update",
        MaracDecision.InformationOnly => "referred for information only",
        _ => "not referred",
    };

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", _ => "not recorded" };
}
