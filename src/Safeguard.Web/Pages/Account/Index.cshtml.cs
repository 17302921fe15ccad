using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Web.Pages.Account;

public sealed class IndexModel(UserManager<User> users, SignInManager<User> signIn, SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public User Me { get; private set; } = null!;
    public string Agency { get; private set; } = "";
    public IReadOnlyList<string> Areas { get; private set; } = [];
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        await LoadAsync();
        await using var write = await audit.BeginAsync();
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, Setup.AuthenticatorModel.RecoveryCodeCount))?.ToList() ?? [];
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        write.Record("user.recovery-codes-renewed", "User", Me.Id);
        await write.CommitAsync();
        return Page();
    }

    /// <summary>Ends every session this user has, on every device, including this one.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var me = await users.GetUserAsync(User);
        if (me is not null)
        {
            await using var write = await audit.BeginAsync();
            await users.UpdateSecurityStampAsync(me);
            write.Record("signout.everywhere", "User", me.Id);
            await write.CommitAsync();
        }

        await signIn.SignOutAsync();
        return Redirect("/account/signed-out");
    }

    private async Task LoadAsync()
    {
        Me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        Agency = await db.Agencies.Where(a => a.Id == Me.AgencyId).Select(a => a.Name).SingleAsync();
        Areas = await db.UserAreas.Where(ua => ua.UserId == Me.Id).Join(db.Areas, ua => ua.AreaId, a => a.Id, (_, a) => a.Name).OrderBy(n => n).ToListAsync();
        RoleNames = (await users.GetRolesAsync(Me)).Select(Roles.DisplayName).Order().ToList();
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(Me);
    }
}
