using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Admin.Organisation;

/// <summary>Add an area (no id) or change one.</summary>
public sealed class AreaModel(OrganisationService organisation, RecordScope scope) : PageModel
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

        var area = await scope.AreaAsync(Id.Value, RecordOperation.Change, HttpContext.RequestAborted);
        if (area is null)
        {
            return NotFound();
        }

        (Name, IsActive, Version) = (area.Name, area.IsActive, area.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is not null && await scope.AreaAsync(Id.Value, RecordOperation.Change, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var result = await organisation.SaveAreaAsync(Id, Name, IsActive, Version, HttpContext.RequestAborted, creatorUserId: User.UserId());
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Redirect("/admin/organisation");
    }
}
