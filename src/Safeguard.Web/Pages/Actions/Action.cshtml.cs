using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Actions;

/// <summary>
/// One action with its updates. The owner agency's people in the area update it; the area's co-ordinators read it;
/// anyone else: not found.
/// </summary>
public sealed class ActionModel(SafeguardDbContext db, ActionLog log, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ActionStatus? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? CompletionEvidence { get; set; }
    [BindProperty] public int Version { get; set; }

    public CaseAction Action { get; private set; } = null!;
    public string OwnerName { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public bool MayUpdate { get; private set; }
    public DateOnly Today => London.Today(clock);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Version = Action.Version;
        Status = Action.Status;
        await audit.RecordAsync("action.viewed", "CaseAction", id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id) || !MayUpdate)
        {
            return NotFound();
        }

        var result = await log.UpdateAsync(id, User.AgencyId()!.Value, new ActionUpdateInput(Status, Note, CompletionEvidence, Version), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        Notice = "The action was updated";
        return Redirect($"/actions/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var action = await db.CaseActions.AsNoTracking().Include(a => a.Updates).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null || !User.AreaIds().Contains(action.AreaId))
        {
            return false;
        }

        MayUpdate = User.AgencyId() == action.OwnerAgencyId;
        if (!MayUpdate && !Capabilities.Has(User, Capability.PrepareDramm))
        {
            return false;
        }

        Action = action;
        OwnerName = await db.Users.Where(u => u.Id == action.OwnerUserId).Select(u => u.DisplayName).FirstAsync(ct);
        AgencyName = await db.Agencies.Where(a => a.Id == action.OwnerAgencyId).Select(a => a.Name).FirstAsync(ct);
        return true;
    }
}
