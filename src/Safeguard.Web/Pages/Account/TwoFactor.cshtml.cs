using System.Security.Claims;
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
public sealed class TwoFactorModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

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

        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }

        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "The code must be 6 digits");
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await TwoFactorResult.HandleAsync(this, result, user, "authenticator code", users, signIn, audit, clock, ReturnUrl, nameof(Code));
    }
}

/// <summary>What happens after a second-factor attempt, by code or by recovery code.</summary>
internal static class TwoFactorResult
{
    public static async Task<IActionResult> HandleAsync(PageModel page, Microsoft.AspNetCore.Identity.SignInResult result, User user, string method,
        UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, TimeProvider clock, string? returnUrl, string field)
    {
        if (result.Succeeded)
        {
            await using var write = await audit.BeginAsync();
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            write.Record("signin.succeeded", "User", user.Id, summary: method, actorUserId: user.Id);
            await write.CommitAsync();
            if (user.MustChangePassword)
            {
                // Signed in with a temporary password: nothing but choosing a new one until that is done.
                await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                    [new Claim(SafeguardClaims.AuthenticationMethod, "pwd"), new Claim(SafeguardClaims.SecondFactorProved, "true")]);
                return new RedirectResult("/account/setup");
            }

            return page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync("signin.locked-out", "User", user.Id, summary: method, actorUserId: user.Id);
            page.ModelState.AddModelError(field, "This account is locked because of too many failed attempts. Try again in 15 minutes");
        }
        else
        {
            await audit.RecordAsync("signin.second-factor-failed", "User", user.Id, summary: method, actorUserId: user.Id);
            page.ModelState.AddModelError(field, method == "authenticator code"
                ? "The code is not right. Enter the code your authenticator app shows now"
                : "This recovery code is not right or has already been used");
        }

        return page.Page();
    }
}
