using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Checks every request's cookie against the database (one indexed lookup): a disabled user, or one who
/// signed out everywhere or had their second factor reset, is signed out at once, not at the next interval.
/// When roles or areas changed, the cookie is rebuilt with them, keeping how the user signed in. A user who
/// must still replace a temporary password never holds a full session.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.UserId();
        if (principal is null || userId is null)
        {
            context.RejectPrincipal();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<SafeguardDbContext>();
        var identityOptions = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.ConcurrencyStamp, u.IsDisabled, u.MustChangePassword }).FirstOrDefaultAsync();
        var stamp = principal.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);

        if (current is null || current.IsDisabled || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            if (current is { IsDisabled: true })
            {
                await services.GetRequiredService<AuditTrail>().RecordAsync("session.refused-disabled", "User", userId, actorUserId: userId);
            }

            return;
        }

        // A temporary password is never a full session, however the cookie was made: it is turned into a
        // password-only one that reaches just the page for choosing a new password.
        var mustChangeButFull = current.MustChangePassword && principal.HasSecondFactor();
        if (mustChangeButFull || principal.FindFirstValue(SafeguardClaims.Version) != current.ConcurrencyStamp)
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                context.RejectPrincipal();
                return;
            }

            var rebuilt = await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
            var identity = (ClaimsIdentity)rebuilt.Identity!;
            if (mustChangeButFull)
            {
                identity.AddClaim(new Claim(SafeguardClaims.AuthenticationMethod, "pwd"));
                identity.AddClaim(new Claim(SafeguardClaims.SecondFactorProved, "true"));
            }
            else
            {
                foreach (var kept in principal.Claims.Where(c => c.Type is SafeguardClaims.AuthenticationMethod or SafeguardClaims.SecondFactorProved))
                {
                    identity.AddClaim(new Claim(kept.Type, kept.Value));
                }
            }

            context.ReplacePrincipal(rebuilt);
            context.ShouldRenew = true;
        }
    }
}
