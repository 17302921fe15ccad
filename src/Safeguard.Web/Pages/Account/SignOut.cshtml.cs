using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

/// <summary>Signing out is a POST (with antiforgery), so a link on another site cannot sign anyone out.</summary>
[Authorize(Policy = SafeguardServices.PasswordSignedIn)]
public sealed class SignOutModel(SignInManager<User> signIn, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/account");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync("signout", "User", User.UserId());
        await signIn.SignOutAsync();
        return Redirect("/account/signed-out");
    }
}
