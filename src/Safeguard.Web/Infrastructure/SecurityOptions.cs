namespace Safeguard.Web.Infrastructure;

/// <summary>Bound from the "Security" section.</summary>
public sealed class SecurityOptions
{
    /// <summary>A signed-in user who does nothing for this long must sign in again.</summary>
    public int IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>Sign-in and code attempts allowed per client address per minute, before 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>API requests allowed per client address per minute, before 429; bad tokens are audited, so this also bounds that.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>The name authenticator apps show beside the code.</summary>
    public string AuthenticatorIssuer { get; set; } = "Safeguard";
}
