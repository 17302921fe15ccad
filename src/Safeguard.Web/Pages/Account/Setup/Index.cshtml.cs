using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Pages.Account.Setup;

/// <summary>Sends a user who has signed in with a password to the next set-up step they still owe.</summary>
public sealed class IndexModel(UserManager<User> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }

        if (user.MustChangePassword)
        {
            return Redirect("/account/setup/password");
        }

        return Redirect(user.TwoFactorEnabled ? "/" : "/account/setup/authenticator");
    }
}
