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
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Dramm.Shared;

/// <summary>
/// One DRAMM case as the attending agencies see it (protocol 2.15): the people and how they are linked, consent,
/// what led to the referral and the risk found, and what has already been done. Every view is audited.
/// </summary>
[Authorize(Policy = "Capability:ViewDrammCases")]
public sealed class CaseModel(DrammCaseScope scope, SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public sealed record PersonLine(string Role, string Name, DateOnly? BornOn, string? School);

    public DrammMeeting Meeting { get; private set; } = null!;
    public DrammCase Case { get; private set; } = null!;
    public Referral? Referral { get; private set; }
    public RiskAssessment? Assessment { get; private set; }
    public DisclosureApplication? Application { get; private set; }
    public IReadOnlyList<PersonLine> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.CaseAsync(User, id, ct) is not { } found)
        {
            return NotFound();
        }

        (Meeting, Case) = found;
        if (Case.Record == CaseRecord.Referral)
        {
            Referral = await db.Referrals.AsNoTracking().Include(r => r.People).FirstAsync(r => r.Id == Case.RecordId, ct);
            Assessment = await db.RiskAssessments.AsNoTracking().Where(a => a.ReferralId == Case.RecordId).OrderByDescending(a => a.AssessedAt).FirstOrDefaultAsync(ct);
            People = await LinesAsync(Referral.People.Select(p => (p.PersonId, p.Role.ToString(), p.School)).ToList(), ct);
        }
        else if (Case.Record == CaseRecord.DisclosureApplication)
        {
            Application = await db.DisclosureApplications.AsNoTracking().Include(a => a.People).FirstAsync(a => a.Id == Case.RecordId, ct);
            People = await LinesAsync(Application.People.Select(p => (p.PersonId, ApplicationRoleNames.Of(p.Role), (string?)null)).ToList(), ct);
        }

        await audit.RecordAsync("dramm.case-viewed", "DrammMeeting", Meeting.Id.ToString(CultureInfo.InvariantCulture), summary: Case.Reference, ct: ct);
        return Page();
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
