using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Merges;

/// <summary>Reverse a merge found to be wrong: both records stand alone again, each with what was written on it.</summary>
public sealed class ReverseModel(SafeguardDbContext db, PersonMerging merging, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int MergeId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public PersonMerge Merge { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var refused = await LoadAsync();
        if (refused is not null)
        {
            return refused;
        }

        var result = await merging.ReverseAsync(MergeId, Reason, User.UserId()!, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Success"] = $"The merge of {Person.FormatReference(Merge.MergedId)} into {Person.FormatReference(Merge.SurvivorId)} was reversed";
        return Redirect("/admin/merges");
    }

    /// <summary>Null when the merge may be reversed by this administrator; otherwise 403 (no capability) or 404 (outside their areas).</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        if (!Capabilities.Has(User, Capability.ReverseMerges))
        {
            return Forbid();
        }

        var merge = await MergeScope.VisibleTo(db.PersonMerges.AsNoTracking().Where(m => m.Id == MergeId), db, User).FirstOrDefaultAsync();
        if (merge is null)
        {
            await audit.RecordAsync("access.denied", "PersonMerge", MergeId.ToString(System.Globalization.CultureInfo.InvariantCulture), summary: "Change", ct: HttpContext.RequestAborted);
            return NotFound();
        }

        Merge = merge;
        return null;
    }
}
