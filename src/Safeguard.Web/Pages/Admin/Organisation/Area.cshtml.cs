using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Organisation;

/// <summary>Add an area (no id) or change one.</summary>
public sealed class AreaModel(OrganisationService organisation, SafeguardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

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

        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id);
        if (area is null)
        {
            return NotFound();
        }

        (Name, IsActive, Version) = (area.Name, area.IsActive, area.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.SaveAreaAsync(Id, Name, IsActive, Version, HttpContext.RequestAborted, creatorUserId: User.UserId());
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Redirect("/admin/organisation");
    }
}
