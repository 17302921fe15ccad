using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Admin.Users;

public sealed class DetailsModel(RecordScope scope, SafeguardDbContext db, UserManager<User> users,
    UserAdministration administration, ApiTokenService tokens, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public User Account { get; private set; } = null!;
    public string Agency { get; private set; } = "";
    public IReadOnlyList<string> Areas { get; private set; } = [];
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public string? TemporaryPassword { get; private set; }
    public string? Notice { get; private set; }
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await scope.UserAsync(Id, RecordOperation.View, HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        await audit.RecordAsync("user.viewed", "User", user.Id);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync() => ActAsync(async u =>
    {
        if (u.Id == User.UserId())
        {
            return "You cannot disable your own account";
        }

        var result = await administration.DisableAsync(u);
        return result.Succeeded ? "The user is disabled. Their sessions have ended and they cannot sign in" : result.Errors[0].Message;
    });

    public Task<IActionResult> OnPostEnableAsync() => ActAsync(async u =>
    {
        await administration.EnableAsync(u);
        return "The user is enabled and can sign in again";
    });

    public Task<IActionResult> OnPostResetTwoFactorAsync() => ActAsync(async u =>
    {
        await administration.ResetTwoFactorAsync(u);
        return "Their second factor is reset. At their next sign-in they must set up an authenticator app again";
    });

    public Task<IActionResult> OnPostTemporaryPasswordAsync() => ActAsync(async u =>
    {
        TemporaryPassword = await administration.IssueTemporaryPasswordAsync(u);
        return "A temporary password was issued. Their sessions have ended";
    });

    public Task<IActionResult> OnPostRevokeTokenAsync(int tokenId) => ActAsync(async u =>
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == u.Id);
        return token is not null && await tokens.RevokeAsync(token) ? "The API token is revoked" : "That token was already revoked";
    });

    /// <summary>Every action re-checks scope for Change: a form posted from an old page gets the same 404.</summary>
    private async Task<IActionResult> ActAsync(Func<User, Task<string>> action)
    {
        var user = await scope.UserAsync(Id, RecordOperation.Change, HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        Notice = await action(user);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(User user)
    {
        Account = user;
        CanChange = await scope.MayAsync(user, RecordOperation.Change);
        Agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleAsync();
        Areas = await db.UserAreas.Where(ua => ua.UserId == user.Id).Join(db.Areas, ua => ua.AreaId, a => a.Id, (_, a) => a.Name).OrderBy(n => n).ToListAsync();
        RoleNames = (await users.GetRolesAsync(user)).Select(Roles.DisplayName).Order().ToList();
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderByDescending(t => t.CreatedAt).ToListAsync();
        Notice ??= TempData["Notice"] as string;
    }
}
