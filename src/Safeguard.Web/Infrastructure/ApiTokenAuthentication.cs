using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Web.Infrastructure;

/// <summary>Bearer personal access tokens for integration clients, on /api only.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, AuditTrail audit, SafeguardDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is null)
        {
            // The prefix only: enough to trace a leaked or stale token, useless to an attacker.
            var prefix = header["Bearer ".Length..].Trim();
            await audit.RecordAsync("api.token-refused", summary: prefix.Length > 12 ? prefix[..12] : null);
            return AuthenticateResult.Fail("The token is not valid, has expired or was revoked.");
        }

        var (token, user) = found.Value;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? ""),
            new(SafeguardClaims.DisplayName, user.DisplayName),
            new(SafeguardClaims.ApiTokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(SafeguardClaims.ApiScope, s)));

        // Roles and areas as the sign-in cookie carries them (SafeguardClaimsFactory), read afresh on every call,
        // so a token can do no more than its owner may today: capabilities and record scopes apply to it too.
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var areas = await db.UserAreas.Where(ua => ua.UserId == user.Id).Select(ua => ua.AreaId).ToListAsync(Context.RequestAborted);
        claims.AddRange(areas.Select(a => new Claim(SafeguardClaims.Area, a.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
