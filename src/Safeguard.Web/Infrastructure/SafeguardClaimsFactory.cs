using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;

namespace Safeguard.Web.Infrastructure;

/// <summary>Puts the user's agency, areas and display name in the cookie, so scope checks need no extra query.</summary>
public sealed class SafeguardClaimsFactory(
    UserManager<User> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, SafeguardDbContext db)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SafeguardClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(SafeguardClaims.Agency, user.AgencyId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SafeguardClaims.Version, user.ConcurrencyStamp ?? ""));
        var areas = await db.UserAreas.Where(ua => ua.UserId == user.Id).Select(ua => ua.AreaId).ToListAsync();
        foreach (var area in areas)
        {
            identity.AddClaim(new Claim(SafeguardClaims.Area, area.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
