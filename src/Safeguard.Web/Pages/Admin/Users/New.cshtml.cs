using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Accounts;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Users;

public sealed class NewModel(OrganisationService organisation, UserAdministration administration) : UserForm(organisation)
{
    public CreatedUser? Created { get; private set; }

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await administration.CreateAsync(Details, User.AreaIds(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            await LoadChoicesAsync();
            return Page();
        }

        // The temporary password is shown in this response only; it is never stored or redirected with.
        Created = result.Value;
        return Page();
    }
}
