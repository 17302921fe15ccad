using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Dramm;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Dramm.Shared;

/// <summary>
/// One DRAMM case as the attending agencies see it (protocol 2.15): the people and how they are linked, consent,
/// what led to the referral and the risk found, and what has already been done. Every view is audited.
/// </summary>
[Authorize(Policy = "Capability:ViewDrammCases")]
public sealed class CaseModel(DrammCaseScope scope, SafeguardDbContext db, AuditTrail audit, DrammSharing sharing, AgencyInformationService information, TimeProvider clock)
    : PageModel
{
    public sealed record PersonLine(string Role, string Name, DateOnly? BornOn, string? School);

    public DrammMeeting Meeting { get; private set; } = null!;
    public DrammCase Case { get; private set; } = null!;
    public Referral? Referral { get; private set; }
    public RiskAssessment? Assessment { get; private set; }
    public DisclosureApplication? Application { get; private set; }
    public Safeguard.Core.Incidents.PoliceIncident? Incident { get; private set; }
    public Safeguard.Core.ProtectionOrders.ProtectionOrder? Order { get; private set; }
    public IReadOnlyList<PersonLine> People { get; private set; } = [];

    /// <summary>Each agency's information on the case, with the agency's name.</summary>
    public IReadOnlyList<(string Agency, AgencyInformation Information)> Information { get; private set; } = [];

    /// <summary>The user's own agency may add or change its information: it was shared the case and the case is open.</summary>
    public bool MayRecord { get; private set; }

    [BindProperty]
    public string? Known { get; set; }

    [BindProperty]
    public Involvement? Involvement { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public int? InformationVersion { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Information.FirstOrDefault(i => i.Information.AgencyId == User.AgencyId()).Information is { } mine)
        {
            Known = mine.Known ? "Yes" : "No";
            Involvement = mine.Involvement;
            Summary = mine.Summary;
            InformationVersion = mine.Version;
        }

        await audit.RecordAsync("dramm.case-viewed", "DrammMeeting", Meeting.Id.ToString(CultureInfo.InvariantCulture), summary: Case.Reference, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, ct) || !MayRecord)
        {
            return NotFound();
        }

        var known = Known switch { "Yes" => true, "No" => (bool?)false, _ => null };
        var result = await information.RecordAsync(Case.Id, User.AgencyId()!.Value, new AgencyInformationInput(known, Involvement, Summary, InformationVersion), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        Notice = "Your agency's information was saved";
        return Redirect($"/dramm/shared/cases/{id}#information");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await scope.CaseAsync(User, id, ct) is not { } found)
        {
            return false;
        }

        (Meeting, Case) = found;
        var recorded = await information.ForCaseAsync(Case.Id, ct);
        var agencyIds = recorded.Select(i => i.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Information = [.. recorded.Select(i => (names.GetValueOrDefault(i.AgencyId, "An agency"), i)).OrderBy(x => x.Item1, StringComparer.OrdinalIgnoreCase)];
        MayRecord = User.AgencyId() is int agency && DrammSharing.IsOpenTo(Meeting, clock.GetUtcNow().UtcDateTime)
            && await sharing.SharedWithAsync(Meeting.Id, agency, ct);
        if (Case.Record == CaseRecord.Referral)
        {
            Referral = await db.Referrals.AsNoTracking().Include(r => r.People).FirstAsync(r => r.Id == Case.RecordId, ct);
            Assessment = await db.RiskAssessments.AsNoTracking().Where(a => a.ReferralId == Case.RecordId).OrderByDescending(a => a.AssessedAt).FirstOrDefaultAsync(ct);
            People = await LinesAsync(Referral.People.Select(p => (p.PersonId, p.Role.ToString(), p.School)).ToList(), ct);
        }
        else if (Case.Record == CaseRecord.PoliceIncident)
        {
            Incident = await db.PoliceIncidents.AsNoTracking().FirstAsync(i => i.Id == Case.RecordId, ct);
            List<(int, string, string?)> involved = [(Incident.VictimPersonId, "Victim", null)];
            if (Incident.PerpetratorPersonId is int perpetrator)
            {
                involved.Add((perpetrator, "Perpetrator", null));
            }

            People = await LinesAsync(involved, ct);
        }
        else if (Case.Record == CaseRecord.ProtectionOrder)
        {
            Order = await db.ProtectionOrders.AsNoTracking().FirstAsync(o => o.Id == Case.RecordId, ct);
            People = await LinesAsync([(Order.VictimPersonId, "Victim", null), (Order.PerpetratorPersonId, "Perpetrator", null)], ct);
        }
        else if (Case.Record == CaseRecord.DisclosureApplication)
        {
            Application = await db.DisclosureApplications.AsNoTracking().Include(a => a.People).FirstAsync(a => a.Id == Case.RecordId, ct);
            People = await LinesAsync(Application.People.Select(p => (p.PersonId, ApplicationRoleNames.Of(p.Role), (string?)null)).ToList(), ct);
        }

        return true;
    }

    private async Task<IReadOnlyList<PersonLine>> LinesAsync(List<(int PersonId, string Role, string? School)> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.PersonId).ToList();
        var found = await db.People.AsNoTracking().Include(p => p.Names).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return [.. people.Select(p =>
        {
            var person = found.GetValueOrDefault(p.PersonId);
            var name = person?.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? person?.Names.FirstOrDefault();
            return new PersonLine(p.Role, name?.FullName ?? "(no name)", person?.DateOfBirth, p.School);
        })];
    }
}
