using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Documents;
using Safeguard.Core.Incidents;
using Safeguard.Core.People;
using Safeguard.Core.ProtectionOrders;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Dramm;

/// <summary>
/// The pack the agencies read before a DRAMM (protocol 2.15): a cover with the meeting's times, who it is shared with
/// and the agenda, then one page per case in the agenda's order. A page holds what the shared case page shows the
/// agencies (<c>/dramm/shared/cases/{id}</c>) and no more: the case, the people with their dates of birth (and
/// children's schools), and a summary of the record it came from. Every record is read in a handful of queries,
/// whatever the list's length, so a long list is still quick to build. Who may download it is the page's business.
/// </summary>
public sealed class DrammPack(SafeguardDbContext db)
{
    public const string Confidentiality =
        "Official-Sensitive. Confidential: for the agencies attending this DRAMM, to be kept securely and shared only as the information-sharing agreement allows.";

    private sealed record PersonLine(string Role, int PersonId, string? School);

    public async Task<byte[]> BuildAsync(int meetingId, CancellationToken ct = default) =>
        SimpleDocx.Build(await TitleAsync(meetingId, ct), await ParagraphsAsync(meetingId, ct));

    private async Task<string> TitleAsync(int meetingId, CancellationToken ct) =>
        $"DRAMM pack, {London.Format(await db.DrammMeetings.Where(m => m.Id == meetingId).Select(m => m.Date).FirstAsync(ct))}";

    /// <summary>The pack's paragraphs in order (SimpleDocx's markup: "## " headings and page breaks), for the document and its tests.</summary>
    public async Task<List<string>> ParagraphsAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.DrammMeetings.AsNoTracking().Include(m => m.Cases).FirstAsync(m => m.Id == meetingId, ct);
        var area = await db.Areas.Where(a => a.Id == meeting.AreaId).Select(a => a.Name).FirstAsync(ct);
        var shared = await db.Agencies.AsNoTracking()
            .Where(a => db.DrammMeetingAgencies.Any(x => x.MeetingId == meetingId && x.AgencyId == a.Id))
            .Select(a => a.Name).ToListAsync(ct);
        var cases = meeting.Cases.Where(c => c.OnList).OrderBy(c => c.Position).ToList();

        var paragraphs = new List<string>
        {
            $"{area}, {London.Format(meeting.Date)}.",
            $"Cases released to the agencies by {Time(meeting.ReleaseByUtc)}. The meeting starts at {Time(meeting.MeetsAtUtc)}.",
            $"Shared with: {(shared.Count == 0 ? "no agency" : string.Join(", ", shared.Order(StringComparer.OrdinalIgnoreCase)))}.",
            Confidentiality,
            "## Agenda",
        };
        paragraphs.AddRange(cases.Count == 0
            ? ["No case is on the list."]
            : cases.Select(c => $"{c.Position}. {c.Reference}: {DrammRules.GroupName(c.Group!.Value)}"));

        var sources = await SourcesAsync(cases, ct);
        var people = await PeopleAsync(sources.SelectMany(s => s.Value.People).Select(p => p.PersonId), ct);
        foreach (var c in cases)
        {
            paragraphs.Add(SimpleDocx.PageBreak);
            paragraphs.Add($"## {c.Position}. {c.Reference}");
            paragraphs.Add($"On the agenda as: {DrammRules.GroupName(c.Group!.Value)}.");
            paragraphs.Add($"Why: {c.OverruledReason ?? c.Reason}.");
            paragraphs.Add($"Risk: {c.Risk?.ToString() ?? "Not assessed"}.");
            paragraphs.Add($"Children linked: {(c.ChildrenLinked ? "yes" : "none known: please check your records")}.");
            paragraphs.Add($"Victim consents to sharing: {(c.VictimConsented ? "yes" : "no or not known")}.");
            paragraphs.Add($"MARAC repeat (within 12 months of a MARAC): {(c.IsMaracRepeat ? "yes" : "no")}.");
            if (sources.TryGetValue((c.Record, c.RecordId), out var source))
            {
                if (source.People.Count > 0)
                {
                    paragraphs.Add("People:\n" + string.Join("\n", source.People.Select(p => PersonText(p, people))));
                }

                paragraphs.Add("## " + source.Heading);
                paragraphs.AddRange(source.Lines);
            }
        }

        return paragraphs;
    }

    private sealed record Source(string Heading, List<string> Lines, List<PersonLine> People);

    /// <summary>Each case's record, read by kind in one query each.</summary>
    private async Task<Dictionary<(CaseRecord, int), Source>> SourcesAsync(List<DrammCase> cases, CancellationToken ct)
    {
        List<int> Ids(CaseRecord kind) => cases.Where(c => c.Record == kind).Select(c => c.RecordId).Distinct().ToList();
        var found = new Dictionary<(CaseRecord, int), Source>();

        var referralIds = Ids(CaseRecord.Referral);
        if (referralIds.Count > 0)
        {
            var referrals = await db.Referrals.AsNoTracking().Include(r => r.People).Where(r => referralIds.Contains(r.Id)).ToListAsync(ct);
            var latest = (await db.RiskAssessments.AsNoTracking().Where(a => referralIds.Contains(a.ReferralId))
                    .Select(a => new { a.ReferralId, a.AssessedAt, a.YesCount, a.RiskLevel, a.CriteriaMet }).ToListAsync(ct))
                .GroupBy(a => a.ReferralId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AssessedAt)!);
            foreach (var r in referrals)
            {
                var lines = new List<string>
                {
                    $"Kind: {ReferralNames.Of(r.Kind)}.",
                    $"Received: {Time(r.ReceivedAt)}.",
                    $"MARAC criteria given by the referrer: {Criteria(r.ReferrerCriteria)}.",
                    $"Reason for referral: {r.Reason}",
                };
                lines.Add(latest.TryGetValue(r.Id, out var a)
                    ? $"Latest DASH risk assessment: {a.YesCount} \"yes\" answers; risk level {a.RiskLevel}; MARAC criteria met: {Criteria(a.CriteriaMet)}."
                    : "DASH risk assessment: none recorded yet.");
                found[(CaseRecord.Referral, r.Id)] = new("The referral", lines,
                    [.. r.People.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => new PersonLine(p.Role.ToString(), p.PersonId, p.School))]);
            }
        }

        var incidentIds = Ids(CaseRecord.PoliceIncident);
        if (incidentIds.Count > 0)
        {
            foreach (var i in await db.PoliceIncidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).ToListAsync(ct))
            {
                List<PersonLine> involved = [new("Victim", i.VictimPersonId, null)];
                if (i.PerpetratorPersonId is int perpetrator)
                {
                    involved.Add(new("Perpetrator", perpetrator, null));
                }

                found[(CaseRecord.PoliceIncident, i.Id)] = new("The police incident",
                [
                    $"Police reference: {i.IncidentReference}.",
                    $"Risk given by the police: {RiskLevelNames.Of(i.RiskLevel)}.",
                    $"Happened: {Time(i.OccurredAt)}.",
                    $"DASH \"yes\" answers: {i.DashYesCount?.ToString(CultureInfo.InvariantCulture) ?? "not given"}.",
                    $"Children: {i.ChildrenCount?.ToString(CultureInfo.InvariantCulture) ?? (i.ChildrenLinked ? "linked" : "none known")}.",
                    $"What happened: {i.Summary}",
                ], involved);
            }
        }

        var applicationIds = Ids(CaseRecord.DisclosureApplication);
        if (applicationIds.Count > 0)
        {
            foreach (var a in await db.DisclosureApplications.AsNoTracking().Include(a => a.People).Where(a => applicationIds.Contains(a.Id)).ToListAsync(ct))
            {
                found[(CaseRecord.DisclosureApplication, a.Id)] = new("Clare's Law application",
                [
                    $"Application reference: {DisclosureApplication.FormatReference(a.Scheme, a.Id)}.",
                    $"Stage: {StageNames.Of(a.Stage)}.",
                    $"Route: {a.Route}.",
                    $"Risk found by research: {a.RiskLevel?.ToString() ?? "not recorded"}.",
                    $"Research summary: {a.RiskAssessment ?? "not given"}",
                ], [.. a.People.Select(p => new PersonLine(ApplicationRoleNames.Of(p.Role), p.PersonId, null))]);
            }
        }

        var orderIds = Ids(CaseRecord.ProtectionOrder);
        if (orderIds.Count > 0)
        {
            foreach (var o in await db.ProtectionOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToListAsync(ct))
            {
                found[(CaseRecord.ProtectionOrder, o.Id)] = new("The protection order", ProtectionOrderLines(o),
                    [new("Victim", o.VictimPersonId, null), new("Perpetrator", o.PerpetratorPersonId, null)]);
            }
        }

        return found;
    }

    /// <summary>An order as the pack and the shared case page describe it.</summary>
    public static List<string> ProtectionOrderLines(ProtectionOrder o) =>
    [
        $"Order reference: {o.Reference}.",
        $"Kind: {ProtectionOrderNames.Of(o.Kind)}.",
        $"Issued: {Time(o.IssuedAt)}.",
        $"Ends: {(o.ExpiresAt is DateTime end ? Time(end) : "no end date")}.",
        $"Protected premises: {o.ProtectedPremises ?? "none given"}",
        $"Terms: {o.Terms}",
        $"Breaches: {o.Breaches ?? "none recorded"}",
    ];

    /// <summary>The people's current names and dates of birth, as the shared case page shows them.</summary>
    private async Task<Dictionary<int, (string Name, DateOnly? BornOn)>> PeopleAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var people = await db.People.AsNoTracking().Include(p => p.Names).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p =>
        {
            var name = p.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? p.Names.FirstOrDefault();
            return (name?.FullName ?? "(no name)", p.DateOfBirth);
        });
    }

    private static string PersonText(PersonLine p, Dictionary<int, (string Name, DateOnly? BornOn)> people)
    {
        var (name, bornOn) = people.GetValueOrDefault(p.PersonId, ("(no name)", null));
        var text = $"{p.Role}: {name}, born {(bornOn is DateOnly d ? London.Format(d) : "not known")}";
        return p.School is null ? text : $"{text}, school: {p.School}";
    }

    private static string Criteria(ReferralCriteria criteria)
    {
        var named = ReferralNames.Criteria.Where(c => criteria.HasFlag(c)).Select(ReferralNames.Of).ToList();
        return named.Count == 0 ? "none" : string.Join(", ", named).ToLowerInvariant();
    }

    /// <summary>UK time as the pages write it: "1 December 2026 at 10:00am".</summary>
    public static string Time(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London.Zone);
        return $"{London.Format(DateOnly.FromDateTime(local))} at {local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant()}";
    }
}
