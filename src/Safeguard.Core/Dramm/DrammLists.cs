using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Incidents;
using Safeguard.Core.People;
using Safeguard.Core.ProtectionOrders;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Dramm;

/// <summary>
/// Builds a day's DRAMM list: every police incident, referral and Clare's Law application that reached Safeguard in the meeting's
/// window, judged by <see cref="DrammRules"/> and put in the protocol's order. Preparing again before the meeting
/// adds what arrived since and keeps the co-ordinator's own decisions; they add or remove a case with a reason.
/// Who may do this, and in which areas, is the page's business.
/// </summary>
public sealed class DrammLists(SafeguardDbContext db, DrammSettings settings, AuditTrail audit, AuditContext actor, TimeProvider clock)
{
    /// <summary>How long before the release a protection order's issue puts it on the list.</summary>
    public const int ProtectionOrderHours = 24;

    public Task<DrammMeeting?> FindAsync(int areaId, DateOnly date, CancellationToken ct = default) =>
        db.DrammMeetings.Include(m => m.Cases).FirstOrDefaultAsync(m => m.AreaId == areaId && m.Date == date, ct);

    public async Task<Result<DrammMeeting>> PrepareAsync(int areaId, DateOnly date, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The whole preparation is one audited write: the meeting, its agencies and its cases are saved together or
        // not at all, and two co-ordinators preparing at once take turns.
        await using var write = await audit.BeginAsync(ct);
        var meeting = await FindAsync(areaId, date, ct);
        if (meeting is null)
        {
            if ((await settings.CalendarAsync(areaId, ct)).SittingOn(date) is not { } sitting)
            {
                return Result<DrammMeeting>.Fail(new FieldError("Date", $"The DRAMM does not meet on {London.Format(date)} in this area"));
            }

            if (now >= sitting.MeetsAtUtc)
            {
                return Result<DrammMeeting>.Fail(new FieldError("Date", "This meeting has already started or taken place, so its list cannot be prepared"));
            }

            // The window starts where the last prepared list's ended, whatever the settings say now, so a changed
            // release time or a new bank holiday neither drops a case between two lists nor puts one on both.
            var previousEnd = await db.DrammMeetings.Where(m => m.AreaId == areaId && m.Date < date)
                .OrderByDescending(m => m.Date).Select(m => (DateTime?)m.WindowToUtc).FirstOrDefaultAsync(ct);
            meeting = new DrammMeeting
            {
                AreaId = areaId, Date = date, ReleaseByUtc = sitting.ReleaseByUtc, MeetsAtUtc = sitting.MeetsAtUtc,
                WindowFromUtc = previousEnd is DateTime end && end < sitting.WindowToUtc ? end : sitting.WindowFromUtc,
                WindowToUtc = sitting.WindowToUtc, Version = 1,
            };
            db.DrammMeetings.Add(meeting);
            await db.SaveChangesAsync(ct);
        }
        else if (now >= meeting.MeetsAtUtc)
        {
            return Result<DrammMeeting>.Fail(new FieldError("Date", "This meeting has started, so its list cannot be prepared again"));
        }

        // The agencies attending when the list is first prepared are the ones its cases go to, whatever the area's
        // list says later.
        if (!await db.DrammMeetingAgencies.AnyAsync(x => x.MeetingId == meeting.Id, ct))
        {
            db.DrammMeetingAgencies.AddRange((await db.DrammAgencies.Where(a => a.AreaId == areaId).Select(a => a.AgencyId).ToListAsync(ct))
                .Select(agency => new DrammMeetingAgency { MeetingId = meeting.Id, AgencyId = agency }));
        }

        var found = await CandidatesAsync(meeting, ct);
        var known = meeting.Cases.Select(c => (c.Record, c.RecordId)).ToHashSet();
        var added = 0;
        foreach (var c in found.Where(c => !known.Contains((c.Record, c.RecordId))))
        {
            var rule = DrammRules.Check(c.AsCandidate());
            c.Eligible = rule.Eligible;
            c.Reason = rule.Reason;
            c.Group = rule.Group;
            c.OnList = rule.Eligible;
            meeting.Cases.Add(c);
            added++;
        }

        Renumber(meeting);
        meeting.PreparedAt = now;
        meeting.PreparedByUserId = actor.ActorUserId;
        write.Record("dramm.list-prepared", "DrammMeeting", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary: $"{meeting.Date:yyyy-MM-dd}; {added} new case(s); {meeting.Cases.Count(x => x.OnList)} on the list");
        await write.CommitAsync(ct);
        return Result<DrammMeeting>.Ok(meeting);
    }

    /// <summary>The co-ordinator puts a case on the list or takes it off, saying why. Before the meeting starts only.</summary>
    public async Task<Result<DrammCase>> SetOnListAsync(int caseId, bool onList, string? reason, CancellationToken ct = default)
    {
        var item = await db.DrammCases.FirstAsync(c => c.Id == caseId, ct);
        var meeting = await db.DrammMeetings.Include(m => m.Cases).FirstAsync(m => m.Id == item.MeetingId, ct);
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (clock.GetUtcNow().UtcDateTime >= meeting.MeetsAtUtc)
        {
            return Result<DrammCase>.Fail(new FieldError("Reason", "This meeting has started, so its list cannot be changed"));
        }

        if (!onList && item.OutcomeRecordedAt is not null)
        {
            return Result<DrammCase>.Fail(new FieldError("Reason", "The meeting's outcome on this case is recorded, so it cannot be taken off the list"));
        }

        if (item.OnList == onList)
        {
            return Result<DrammCase>.Fail(new FieldError("Reason", onList ? "This case is already on the list" : "This case is not on the list"));
        }

        if (text is null)
        {
            return Result<DrammCase>.Fail(new FieldError("Reason", onList ? "Enter why this case should be discussed" : "Enter why this case should not be discussed"));
        }

        if (text.Length > 1000)
        {
            return Result<DrammCase>.Fail(new FieldError("Reason", "The reason must be 1000 characters or fewer"));
        }

        item.OnList = onList;
        // Back to the rules' own view needs no reason on record; against it, the reason stays with the case.
        item.OverruledReason = onList == item.Eligible ? null : text;
        item.OverruledByUserId = onList == item.Eligible ? null : actor.ActorUserId;
        item.Group ??= DrammRules.PlaceOf(item.AsCandidate());
        Renumber(meeting);
        await using var write = await audit.BeginAsync(ct);
        // The reason stays on the case; the audit trail, which is never edited, names only the case.
        write.Record(onList ? "dramm.case-added" : "dramm.case-removed", "DrammMeeting", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary: $"{item.Reference} (case {item.Id})");
        await write.CommitAsync(ct);
        return Result<DrammCase>.Ok(item);
    }

    private static void Renumber(DrammMeeting meeting)
    {
        var position = 0;
        foreach (var c in meeting.Cases.Where(c => c.OnList).OrderBy(c => c.Group).ThenBy(c => c.At).ThenBy(c => c.Reference, StringComparer.Ordinal))
        {
            c.Position = ++position;
        }

        foreach (var c in meeting.Cases.Where(c => !c.OnList))
        {
            c.Position = 0;
        }
    }

    /// <summary>
    /// What reached Safeguard in the window: police incidents and referrals by when they were recorded (referrals
    /// routed to children's safeguarding left out), DVDS applications that reached the decision stage, and protection
    /// orders issued in the last 24 hours before the release.
    /// </summary>
    private async Task<List<DrammCase>> CandidatesAsync(DrammMeeting meeting, CancellationToken ct)
    {
        var (from, to, area) = (meeting.WindowFromUtc, meeting.WindowToUtc, meeting.AreaId);
        // Every record kind is read in one query, and the victims' MARAC histories in one more, whatever the number of
        // cases: a day's list is prepared while the co-ordinator waits.
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.People)
            .Where(r => r.AreaId == area && r.CreatedAt > from && r.CreatedAt <= to && r.Routing != ReferralRouting.ChildrensSafeguarding
                // A Clare's Law referral is its application's case, which the DRAMM lists already (below): not a second case.
                && r.Kind != ReferralKind.ClaresLaw)
            .ToListAsync(ct);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var latestRisk = (await db.RiskAssessments.AsNoTracking().Where(a => referralIds.Contains(a.ReferralId))
                .Select(a => new { a.ReferralId, a.AssessedAt, a.RiskLevel }).ToListAsync(ct))
            .GroupBy(a => a.ReferralId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AssessedAt)!.RiskLevel);
        var incidents = await db.PoliceIncidents.AsNoTracking()
            .Where(i => i.AreaId == area && i.RecordedAt > from && i.RecordedAt <= to)
            .Select(i => new { i.Id, i.OccurredAt, i.RiskLevel, i.ChildrenLinked, i.VictimConsented, i.VictimPersonId })
            .ToListAsync(ct);

        // Applications that reached the decision stage in the window, whether or not they have moved on since.
        var applications = await db.DisclosureApplications.AsNoTracking()
            .Where(a => a.AreaId == area && a.Scheme == Scheme.Dvds
                && db.StagePeriods.Any(p => p.ApplicationId == a.Id && p.Stage == DisclosureStage.Decision && p.EnteredAt > from && p.EnteredAt <= to))
            .Select(a => new { a.Id, a.Scheme, a.ReceivedAt, a.RiskLevel })
            .ToListAsync(ct);

        // Protection orders new since the last list (protocol 2.20: "issued in the last 24 hours", which the window
        // is on a weekday and stretches over weekends and bank holidays): taken by when they were recorded, as
        // incidents are, so one recorded after the release it was issued before goes on the next list, not on none.
        // An old order recorded late is left to the officer: the DRAMM shares new orders, not the back catalogue.
        var issuedSince = from.AddHours(-ProtectionOrderHours);
        var orders = await db.ProtectionOrders.AsNoTracking()
            .Where(o => o.AreaId == area && o.RecordedAt > from && o.RecordedAt <= to && o.IssuedAt > issuedSince)
            .Select(o => new { o.Id, o.IssuedAt, o.VictimPersonId })
            .ToListAsync(ct);

        var victims = referrals.SelectMany(r => r.People.Where(p => p.Role == ReferralRole.Victim).Select(p => p.PersonId))
            .Concat(incidents.Select(i => i.VictimPersonId)).Concat(orders.Select(o => o.VictimPersonId));
        var repeats = await MaracHistoriesAsync(victims, ct);

        var cases = new List<DrammCase>();
        foreach (var r in referrals)
        {
            var (source, stated) = r.Kind switch
            {
                ReferralKind.PoliceIncidentHigh => (CaseSource.PoliceIncident, RiskLevel.High),
                ReferralKind.PoliceIncidentMedium => (CaseSource.PoliceIncident, RiskLevel.Medium),
                ReferralKind.MaracTransferIn => (CaseSource.MaracTransfer, (RiskLevel?)null),
                _ => (CaseSource.ThirdPartyReferral, (RiskLevel?)null),
            };
            var victim = r.People.FirstOrDefault(p => p.Role == ReferralRole.Victim);
            cases.Add(new DrammCase
            {
                Source = source, Record = CaseRecord.Referral, RecordId = r.Id, Reference = r.Reference, At = r.ReceivedAt,
                Risk = latestRisk.TryGetValue(r.Id, out var risk) ? risk : stated,
                ChildrenLinked = r.People.Any(p => p.Role == ReferralRole.Child), VictimConsented = r.VictimConsents == Answer.Yes,
                IsMaracRepeat = r.Kind == ReferralKind.Repeat || (victim is not null && repeats(victim.PersonId, r.Reference, r.ReceivedAt)),
                Reason = "",
            });
        }

        foreach (var i in incidents)
        {
            var reference = PoliceIncident.FormatReference(i.Id);
            cases.Add(new DrammCase
            {
                Source = CaseSource.PoliceIncident, Record = CaseRecord.PoliceIncident, RecordId = i.Id, Reference = reference, At = i.OccurredAt,
                Risk = i.RiskLevel, ChildrenLinked = i.ChildrenLinked, VictimConsented = i.VictimConsented,
                IsMaracRepeat = repeats(i.VictimPersonId, reference, i.OccurredAt), Reason = "",
            });
        }

        cases.AddRange(applications.Select(a => new DrammCase
        {
            Source = CaseSource.ClaresLaw, Record = CaseRecord.DisclosureApplication, RecordId = a.Id,
            Reference = DisclosureApplication.FormatReference(a.Scheme, a.Id), At = a.ReceivedAt, Risk = a.RiskLevel, Reason = "",
        }));
        foreach (var o in orders)
        {
            var reference = ProtectionOrder.FormatReference(o.Id);
            cases.Add(new DrammCase
            {
                Source = CaseSource.ProtectionOrder, Record = CaseRecord.ProtectionOrder, RecordId = o.Id, Reference = reference, At = o.IssuedAt,
                IsMaracRepeat = repeats(o.VictimPersonId, reference, o.IssuedAt), Reason = "",
            });
        }

        return cases;
    }

    /// <summary>
    /// Whether a new case is within 12 months of the victim's last MARAC referral, through any merge, in any area
    /// (<see cref="RiskHistory.Repeat"/>), for every victim at once: their MARAC referrals as victims are read in one
    /// query, which is all the repeat rule looks at, and each case's own record is left out of its own history.
    /// </summary>
    private async Task<Func<int, string, DateTime, bool>> MaracHistoriesAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var canonicalOf = await db.People.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.CanonicalId }).ToDictionaryAsync(p => p.Id, p => p.CanonicalId, ct);
        var canonicals = canonicalOf.Values.Distinct().ToList();
        var referrals = (await (
                from i in db.PersonInvolvements.AsNoTracking()
                join p in db.People on i.PersonId equals p.Id
                where canonicals.Contains(p.CanonicalId) && i.Kind == InvolvementKind.MaracReferral && i.Role == CaseRole.Victim
                select new { p.CanonicalId, Involvement = i })
            .ToListAsync(ct))
            .ToLookup(x => x.CanonicalId, x => x.Involvement);
        return (personId, ownReference, at) => canonicalOf.TryGetValue(personId, out var canonical)
            && RiskHistory.Repeat(referrals[canonical].Where(i => i.Reference != ownReference), at).IsRepeat;
    }
}
