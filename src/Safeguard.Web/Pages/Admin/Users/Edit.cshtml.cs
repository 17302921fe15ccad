using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Admin.Users;

public sealed class EditModel(OrganisationService organisation, UserAdministration administration, RecordScope scope,
    UserManager<User> users, SafeguardDbContext db) : UserForm(organisation)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await scope.UserAsync(Id, RecordOperation.Change, HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        Email = user.Email;
        AgencyId = user.AgencyId;
        AreaIds = await db.UserAreas.Where(ua => ua.UserId == user.Id).Select(ua => ua.AreaId).ToListAsync();
        Roles = (await users.GetRolesAsync(user)).ToList();
        ConcurrencyStamp = user.ConcurrencyStamp;
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await scope.UserAsync(Id, RecordOperation.Change, HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        var result = await administration.UpdateAsync(user, Details, ConcurrencyStamp ?? "", User.AreaIds(), User.UserId(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            await LoadChoicesAsync();
            return Page();
        }

        TempData["Notice"] = "The user's details were changed";
        return Redirect($"/admin/users/{user.Id}");
    }
}
