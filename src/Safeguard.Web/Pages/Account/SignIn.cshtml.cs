using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Web.Demo;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SafeguardServices.SignInRateLimit)]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit, DemoData demo) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DemoSignIn> DemoSignIns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.HasSecondFactor())
        {
            return LocalRedirect(SafeReturnUrl());
        }

        await LoadDemoAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            await LoadDemoAsync();
            return Page();
        }

        var email = Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        var result = await signIn.PasswordSignInAsync(email, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = ReturnUrl });
        }

        if (result.Succeeded)
        {
            // Password right, but no authenticator yet: the only way on is to enrol one.
            await audit.RecordAsync("signin.password-accepted", "User", user!.Id, summary: "second factor not yet enrolled", actorUserId: user.Id);
            return Redirect("/account/setup");
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync("signin.locked-out", "User", user?.Id, actorUserId: user?.Id);
            ModelState.AddModelError(nameof(Email), "This account is locked because of too many failed attempts. Try again in 15 minutes");
        }
        else
        {
            var reason = user is null ? "unknown account" : result.IsNotAllowed ? "account disabled" : "wrong password";
            await audit.RecordAsync("signin.failed", "User", user?.Id, summary: reason, actorUserId: user?.Id);
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
        }

        await LoadDemoAsync();
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private async Task LoadDemoAsync()
    {
        if (demo.Enabled)
        {
            DemoSignIns = await demo.CurrentCodesAsync(HttpContext.RequestAborted);
        }
    }
}
