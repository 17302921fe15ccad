using System.Globalization;
using System.Security.Claims;

namespace Safeguard.Web.Infrastructure;

/// <summary>Claim types Safeguard adds to a signed-in user, and how pages read them.</summary>
public static class SafeguardClaims
{
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";
    public const string DisplayName = "sg:name";
    public const string Agency = "sg:agency";
    public const string Area = "sg:area";

    /// <summary>The user's concurrency stamp when the cookie was made: when it changes, roles and areas are reloaded.</summary>
    public const string Version = "sg:ver";
    public const string ApiScope = "sg:scope";

    /// <summary>Both factors were proved at sign-in, but a temporary password must be replaced before the session is full.</summary>
    public const string SecondFactorProved = "sg:2fa-proved";
    public const string ApiTokenId = "sg:token";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? "";

    public static bool HasSecondFactor(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(AuthenticationMethod, MultiFactor);

    public static int? AgencyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Agency), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static IReadOnlySet<int> AreaIds(this ClaimsPrincipal user) =>
        user.FindAll(Area).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet();
}
