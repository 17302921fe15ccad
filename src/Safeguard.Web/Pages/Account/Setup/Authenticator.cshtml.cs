using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Account.Setup;

/// <summary>Enrols an authenticator app (QR code or typed key), then shows the 10 single-use recovery codes once.</summary>
public sealed class AuthenticatorModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, IOptions<SecurityOptions> security) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.MustChangePassword || user.TwoFactorEnabled)
        {
            return Redirect("/account/setup");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.MustChangePassword || user.TwoFactorEnabled)
        {
            return Redirect("/account/setup");
        }

        var code = Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Check the app shows Safeguard and enter the code it shows now");
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        await using (var write = await audit.BeginAsync())
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            write.Record("user.two-factor-enrolled", "User", user.Id, after: new { TwoFactorEnabled = true, RecoveryCodes = RecoveryCodes.Count });
            await write.CommitAsync();
        }

        // Both factors now proved: the session becomes a full one.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SafeguardClaims.AuthenticationMethod, SafeguardClaims.MultiFactor)]);
        return Page();
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);

            // Making a key renews the security stamp, which would end this very session: renew it too.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SafeguardClaims.AuthenticationMethod, "pwd")]);
        }

        SharedKey = Base32.FormatForPeople(key!);
        var uri = Totp.Uri(security.Value.AuthenticatorIssuer, user.Email ?? user.Id, key!);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
