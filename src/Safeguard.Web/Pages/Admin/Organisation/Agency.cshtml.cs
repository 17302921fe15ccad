using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Organisation;

/// <summary>Add an agency (no id) or change one.</summary>
public sealed class AgencyModel(OrganisationService organisation, SafeguardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public AgencyKind? Kind { get; set; }

    [BindProperty]
    public bool IsActive { get; set; } = true;

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            return Page();
        }

        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id);
        if (agency is null)
        {
            return NotFound();
        }

        (Name, Kind, IsActive, Version) = (agency.Name, agency.Kind, agency.IsActive, agency.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            // A kind that is not in the list fails binding: say so in the page's words.
            ModelState.Clear();
            ModelState.AddModelError(nameof(Kind), "Select the kind of agency");
            return Page();
        }

        var result = await organisation.SaveAgencyAsync(Id, Name, Kind, IsActive, Version, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Redirect("/admin/organisation");
    }
}
