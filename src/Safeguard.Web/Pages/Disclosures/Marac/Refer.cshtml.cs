using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Marac;

/// <summary>
/// "Refer to MARAC" from a high-risk Clare's Law application: the referral pre-filled from the application (its
/// people in their referral roles, the area, the risk assessment) and from the signed-in officer as the referrer.
/// The officer checks it, says whether the person at risk knows and consents, and submits. Anyone who may work on
/// the application may refer it: the police are the referring agency for a Clare's Law MARAC referral.
/// </summary>
public sealed class ReferModel(RecordScope scope, ClaresLawReferrals service, SafeguardDbContext db, AuditTrail audit) : ApplicationPage(scope)
{
    public sealed record PersonRow(int PersonId, string Reference, string Name, ReferralRole Role, DateOnly? DateOfBirth);

    [BindProperty] public string? ReferrerRole { get; set; }
    [BindProperty] public string? ReferrerContact { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool? VictimAware { get; set; }
    [BindProperty] public Answer? VictimConsents { get; set; }
    [BindProperty] public string? ActionsTaken { get; set; }

    public ClaresLawDraft Draft { get; private set; } = null!;
    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public string Area { get; private set; } = "";

    /// <summary>Set when the application was referred meanwhile, so the page can link the first referral.</summary>
    public int? ExistingReferralId { get; private set; }

    /// <summary>Whether this user may open that referral (the referral scope decides); otherwise its reference is shown without a link.</summary>
    public bool MaySeeExisting { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Text)> Consents =
        [(nameof(Answer.Yes), "Yes"), (nameof(Answer.No), "No"), (nameof(Answer.NotKnown), "Not known")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (!ClaresLawReferrals.Offered(Application) || await service.ReferralIdAsync(Application.Id, HttpContext.RequestAborted) is not null)
        {
            return Redirect(RecordUrl);
        }

        await FillAsync();
        Version = Application.Version;
        (ReferrerRole, ReferrerContact, Reason) = (Draft.ReferrerRole, Draft.ReferrerContact, Draft.Reason);
        await audit.RecordAsync("disclosure.marac-referral-viewed", "DisclosureApplication", Application.Id.ToString(CultureInfo.InvariantCulture), ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        // Binding problems (a value that is not a choice) are reported by the service as a missing answer instead.
        ModelState.Clear();
        var ct = HttpContext.RequestAborted;
        var result = await service.ReferAsync(Id, new ClaresLawReferralInput(Version, ReferrerRole, ReferrerContact, Reason, VictimAware, VictimConsents, ActionsTaken), ct);
        if (result.Succeeded)
        {
            TempData[SuccessKey] = $"Referred to MARAC: referral {result.Value!.Reference} is in the MARAC queue. Refer the person at risk to an IDVA too.";
            return Redirect(RecordUrl);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(RecordOperation.View);
        ExistingReferralId = await service.ReferralIdAsync(Id, ct);
        MaySeeExisting = ExistingReferralId is int rid && await db.Referrals.AsNoTracking().FirstAsync(r => r.Id == rid, ct) is var first
            && ReferralRecordScope.MayView(User, first);
        ModelState.AddErrors(result.Errors);
        await FillAsync();
        return Page();
    }

    private async Task FillAsync()
    {
        var ct = HttpContext.RequestAborted;
        Draft = await service.DraftAsync(Application, ct);
        Area = await db.Areas.Where(a => a.Id == Application.AreaId).Select(a => a.Name).FirstAsync(ct);
        var ids = Draft.People.Select(p => p.PersonId).ToList();
        var names = await db.PersonNames.Where(n => ids.Contains(n.PersonId))
            .OrderBy(n => n.Kind == NameKind.Current ? 0 : 1).ThenBy(n => n.Id)
            .Select(n => new { n.PersonId, Name = n.GivenName + " " + n.FamilyName }).ToListAsync(ct);
        var births = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
        People = Draft.People.Select(p => new PersonRow(p.PersonId, Person.FormatReference(p.PersonId),
            names.FirstOrDefault(n => n.PersonId == p.PersonId)?.Name ?? "(no name)", p.Role, births.GetValueOrDefault(p.PersonId))).ToList();
    }
}
