using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// A MARAC case as recorded so far, read only, for the co-ordinator and the invited agencies while it is open to them;
/// an invited agency's own people add or update their agency's information here before or during the meeting. The
/// agency is always the signed-in person's own: nothing posted can name another.
/// </summary>
public sealed class CaseRecordModel(MaracScope scope, MaracCaseRecord record, AuditTrail audit) : PageModel
{
    [BindProperty] public string? Known { get; set; }
    [BindProperty] public Involvement? Involvement { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public int? InformationVersion { get; set; }

    public MaracCaseView View { get; private set; } = null!;
    public bool MayRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (View.Information.FirstOrDefault(i => i.AgencyId == User.AgencyId())?.Information is { } own)
        {
            (Known, Involvement, Summary, InformationVersion) = (own.Known ? "Yes" : "No", own.Involvement, own.Summary, own.Version);
        }

        await audit.RecordAsync("marac.case-viewed", "MaracCase", id.ToString(System.Globalization.CultureInfo.InvariantCulture), summary: View.Case.Reference,
            ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id) || !MayRecord)
        {
            return NotFound();
        }

        var known = Known switch { "Yes" => true, "No" => (bool?)false, _ => null };
        var result = await record.SaveAgencyInformationAsync(id, User.AgencyId()!.Value, new MaracInformationInput(known, Involvement, Summary, InformationVersion),
            false, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = "Your agency's information was saved";
        return Redirect($"/marac/cases/{id}#information");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.CaseAsync(User, id, ct) is null || await record.LoadAsync(id, ct) is not { } view)
        {
            return false;
        }

        View = view;
        // Only an invited agency's own people, and only until the meeting closes (then corrections go through the minutes).
        MayRecord = view.Meeting.ClosedAt is null && User.AgencyId() is int agency && view.Agencies.Any(a => a.Id == agency)
            && Safeguard.Core.Accounts.Capabilities.Has(User, Safeguard.Core.Accounts.Capability.ViewMaracCases);
        return true;
    }
}
