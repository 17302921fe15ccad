using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SafeguardServices.SignInRateLimit)]
public sealed class RecoveryCodeModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var code = RecoveryCode?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes");
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        var outcome = await TwoFactorResult.HandleAsync(this, result, user, "recovery code", users, signIn, audit, clock, "/account", nameof(RecoveryCode));
        if (result.Succeeded)
        {
            TempData["Notice"] = $"You signed in with a recovery code. You have {await users.CountRecoveryCodesAsync(user)} left: make new ones if you are running out.";
        }

        return outcome;
    }
}
