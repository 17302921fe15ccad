using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account.Setup;

/// <summary>First sign-in with a temporary password: the user chooses their own.</summary>
public sealed class PasswordModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit) : PageModel
{
    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        (await users.GetUserAsync(User))?.MustChangePassword == true ? Page() : Redirect("/account/setup");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.MustChangePassword)
        {
            return Redirect("/account/setup");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        }
        else if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        }
        else if (await users.CheckPasswordAsync(user, NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Choose a new password, not the temporary one");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var write = await audit.BeginAsync();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), Describe(e));
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        write.Record("user.password-changed", "User", user.Id, summary: "replaced temporary password");
        await write.CommitAsync();

        // The new password renewed the security stamp: sign in again. A user who proved their authenticator
        // code at this sign-in now has a full session; one who has not enrolled yet goes on to do so.
        var proved = user.TwoFactorEnabled && User.HasClaim(SafeguardClaims.SecondFactorProved, "true");
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SafeguardClaims.AuthenticationMethod, proved ? SafeguardClaims.MultiFactor : "pwd")]);
        return Redirect("/account/setup");
    }

    private static string Describe(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "Your password must be 12 characters or more",
        _ => e.Description,
    };
}
