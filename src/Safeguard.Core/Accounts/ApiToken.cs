namespace Safeguard.Core.Accounts;

/// <summary>A personal access token for an integration client. Only a hash is stored; the token is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so people can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>Space-separated scopes, for example "me:read".</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
