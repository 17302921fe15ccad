using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Dramm;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Marac;

/// <summary>A labelled block of one case's page: a heading and its rows, in the order they are read.</summary>
public sealed record PackSection(string Heading, IReadOnlyList<PackRow> Rows);

public sealed record PackRow(string Label, string Value);

/// <summary>One case's page of the pack.</summary>
public sealed record PackCase(int Position, string Reference, string Category, string StartsAt, int Minutes, IReadOnlyList<PackSection> Sections);

/// <summary>
/// Everything the pack says, read once and used for both the DOCX and the screen, so they cannot differ. People are
/// identified as the DRAMM's shared case page identifies them to agencies: role, name and date of birth.
/// </summary>
public sealed record MaracPackContent(string Title, string Area, string Date, string StartsAt, IReadOnlyList<string> Invited, string Confidentiality,
    IReadOnlyList<PackCase> Agenda, IReadOnlyList<PackRow> TwelveMonthNotices)
{
    public const string ConfidentialityLine =
        "Confidential: for the agencies invited to this MARAC, to be kept securely and shared only as the MARAC information-sharing agreement allows.";
}

/// <summary>Reads a meeting's pack in a fixed number of queries, whatever the number of cases.</summary>
public sealed class MaracPackReader(SafeguardDbContext db, MaracAgenda agenda)
{
    public async Task<MaracPackContent> ReadAsync(int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.MaracMeetings.AsNoTracking().Include(m => m.Cases).FirstAsync(m => m.Id == meetingId, ct);
        var area = await db.Areas.Where(a => a.Id == meeting.AreaId).Select(a => a.Name).FirstAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var invited = await InvitedAsync(meeting, ct);
        var referralIds = meeting.Cases.Select(c => c.MaracReferralId).ToList();
        var queued = await db.MaracReferrals.AsNoTracking().Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

        var partnerIds = queued.Values.Where(q => q.ReferralId != null).Select(q => q.ReferralId!.Value).ToList();
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.People).Where(r => partnerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var assessments = (await db.RiskAssessments.AsNoTracking().Where(a => partnerIds.Contains(a.ReferralId)).ToListAsync(ct))
            .GroupBy(a => a.ReferralId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).First());

        var drammIds = queued.Values.Where(q => q.DrammCaseId != null).Select(q => q.DrammCaseId!.Value).ToList();
        var drammCases = await db.DrammCases.AsNoTracking().Where(c => drammIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var information = (await db.AgencyInformation.AsNoTracking().Where(i => drammIds.Contains(i.CaseId)).ToListAsync(ct)).ToLookup(i => i.CaseId);
        var actions = (await db.CaseActions.AsNoTracking().Where(a => a.Source == ActionSource.DrammCase && drammIds.Contains(a.SourceId)).ToListAsync(ct))
            .ToLookup(a => a.SourceId);
        var ownerIds = actions.SelectMany(g => g).Select(a => a.OwnerUserId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var applicationIds = queued.Values.Where(q => q.DisclosureApplicationId != null).Select(q => q.DisclosureApplicationId!.Value).ToList();
        var applications = await db.DisclosureApplications.AsNoTracking().Include(a => a.People).Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        var personIds = referrals.Values.SelectMany(r => r.People.Select(p => p.PersonId))
            .Concat(applications.Values.SelectMany(a => a.People.Select(p => p.PersonId)))
            .Concat(meeting.Cases.Where(c => c.VictimPersonId != null).Select(c => c.VictimPersonId!.Value)).Distinct().ToList();
        var notices = await agenda.TwelveMonthNoticesAsync(meeting, ct);
        personIds.AddRange(notices.Select(n => n.VictimPersonId));
        var people = await db.People.AsNoTracking().Include(p => p.Names).Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        string Person(int id)
        {
            var person = people.GetValueOrDefault(id);
            var name = person?.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? person?.Names.FirstOrDefault();
            return (name?.FullName ?? "(no name)") + (person?.DateOfBirth is DateOnly born ? $", born {London.Format(born)}" : ", date of birth not known");
        }

        var cases = new List<PackCase>();
        foreach (var timed in MaracAgenda.Times(meeting, meeting.Cases))
        {
            var c = timed.Case;
            var q = queued[c.MaracReferralId];
            var sections = new List<PackSection>
            {
                new("The case", [
                    new("Reference", c.Reference), new("Category", MaracNames.Of(c.Category)), new("Referred by", MaracNames.Of(q.Source)),
                    new("Referred", London.Format(London.DateOf(c.ReferredAt))), new("Children linked", c.ChildrenLinked ? "Yes" : "None known: please check your records"),
                    .. c.ReorderReason is null ? Array.Empty<PackRow>() : [new PackRow("Moved on the agenda because", c.ReorderReason)],
                ]),
            };
            var involved = new List<PackRow>();
            if (q.ReferralId is int rid && referrals.GetValueOrDefault(rid) is { } r)
            {
                involved.AddRange(r.People.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => new PackRow(p.Role.ToString(), Person(p.PersonId) + (p.School is null ? "" : $"; school: {p.School}"))));
                sections.Add(new("The referral", [
                    new("Kind", ReferralNames.Of(r.Kind)), new("Received", London.Format(London.DateOf(r.ReceivedAt))),
                    new("Referred by", $"{r.ReferrerAgency} ({r.ReferrerRole})"), new("Criteria", Criteria(r.ReferrerCriteria)), new("Reason for referral", r.Reason),
                    new("Victim aware of the referral", r.VictimAware ? "Yes" : "No"), new("Victim consents", r.VictimConsents.ToString()),
                    new("Previous MARACs", Given(r.PreviousMarac)), new("Action already taken", Given(r.ActionsTaken)),
                ]));
                if (assessments.GetValueOrDefault(rid) is { } a)
                {
                    var findings = a.ReadFindings().ToDictionary(f => f.Criterion);
                    sections.Add(new("Risk assessment (DASH)", [
                        new("\"Yes\" answers", a.YesCount.ToString(CultureInfo.InvariantCulture)), new("Risk level", a.RiskLevel.ToString()),
                        .. ReferralNames.Criteria.Select(k => new PackRow(ReferralNames.Of(k), findings.GetValueOrDefault(k) is { } f ? (f.Met ? "Met" : "Not met") + (string.IsNullOrWhiteSpace(f.Evidence) ? "" : $": {f.Evidence}") : "Not assessed")),
                    ]));
                }
            }
            else if (q.DisclosureApplicationId is int aid && applications.GetValueOrDefault(aid) is { } app)
            {
                involved.AddRange(app.People.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => new PackRow(ApplicationRoleNames.Of(p.Role), Person(p.PersonId))));
            }
            else if (c.VictimPersonId is int victim)
            {
                involved.Add(new("Victim", Person(victim)));
            }

            sections.Insert(1, new("People", involved.Count == 0 ? [new("People", "None recorded")] : involved));
            if (q.DrammCaseId is int did && drammCases.GetValueOrDefault(did) is { } d)
            {
                sections.Add(new("DRAMM notes", [
                    .. information[did].OrderBy(i => agencies.GetValueOrDefault(i.AgencyId), StringComparer.OrdinalIgnoreCase)
                        .Select(i => new PackRow(agencies.GetValueOrDefault(i.AgencyId, "An agency"), i.Known ? $"Known ({i.Involvement?.ToString().ToLowerInvariant()}). {i.Summary}" : "Not known")),
                    new("Risk agreed", d.AgreedRisk is null ? "Not recorded" : $"{d.AgreedRisk}. {d.RiskRationale}"),
                    new("MARAC decision", d.Decision is null ? "Not decided" : $"{DrammMinutes.DecisionText(d.Decision.Value)}. {d.DecisionRationale}"),
                ]));
                var rows = actions[did].OrderBy(a => a.Id).Select(a => new PackRow(
                    $"{owners.GetValueOrDefault(a.OwnerUserId, "Unknown")}, {agencies.GetValueOrDefault(a.OwnerAgencyId, "an agency")}",
                    $"{a.Description} Due {London.Format(a.DueOn)}; {ActionStatusNames.Of(a.Status).ToLowerInvariant()}.")).ToList();
                sections.Add(new("DRAMM actions", rows.Count == 0 ? [new("Actions", "None")] : rows));
            }

            cases.Add(new(c.Position, c.Reference, MaracNames.Of(c.Category), Time(timed.StartsAtUtc), c.Minutes, sections));
        }

        return new(
            $"MARAC pack, {area}, {London.Format(meeting.Date)}", area, London.Format(meeting.Date), Time(meeting.StartsAtUtc),
            invited,
            MaracPackContent.ConfidentialityLine, cases,
            [.. notices.Select(n => new PackRow(n.Reference, $"{Person(n.VictimPersonId)}; last MARAC {London.Format(n.LastHeard)}"))]);
    }

    /// <summary>
    /// The meeting's invited agencies (its attendance rows), each with its representatives: the agency's people with
    /// MARAC access in the area. "Northtown Housing (Sam Example, Alex Example)".
    /// </summary>
    public async Task<IReadOnlyList<string>> InvitedAsync(MaracMeeting meeting, CancellationToken ct = default)
    {
        var roles = Accounts.Capabilities.RolesWith(Accounts.Capability.ViewMaracCases).Except([Accounts.Roles.MaracCoordinator, Accounts.Roles.MeetingChair]).ToList();
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var agencies = await db.MaracAttendance.Where(a => a.MeetingId == meeting.Id).Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { g.Id, g.Name }).ToListAsync(ct);
        var agencyIds = agencies.Select(a => a.Id).ToList();
        var people = (await db.Users
            .Where(u => !u.IsDisabled && agencyIds.Contains(u.AgencyId)
                && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == meeting.AreaId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.AgencyId, u.DisplayName }).ToListAsync(ct)).ToLookup(u => u.AgencyId, u => u.DisplayName);
        return [.. agencies.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => people[a.Id].Any() ? $"{a.Name} ({string.Join(", ", people[a.Id].Order(StringComparer.OrdinalIgnoreCase))})" : $"{a.Name} (no representative yet)")];
    }

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Criteria(ReferralCriteria criteria) =>
        criteria == ReferralCriteria.None ? "None given" : string.Join(", ", ReferralNames.Criteria.Where(c => criteria.HasFlag(c)).Select(ReferralNames.Of));

    private static string Given(string? value) => string.IsNullOrWhiteSpace(value) ? "Not given" : value;
}
