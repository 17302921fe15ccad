using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Accounts;

public sealed record IssuedApiToken(ApiToken Token, string Secret);

/// <summary>Personal access tokens for integration clients: issued by administrators, stored hashed, revocable.</summary>
public sealed class ApiTokenService(SafeguardDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string TokenPrefix = "sgp_";
    public const int MaxLifetimeDays = 366;

    /// <summary>The scopes a token can carry. Later features add theirs here.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownScopes = new Dictionary<string, string>
    {
        ["me:read"] = "Read who the token belongs to",
        ["people:read"] = "Search the person index (in the token owner's areas)",
        ["disclosures:read"] = "List and read Clare's Law and Sarah's Law applications the token owner may see",
        ["disclosures:write"] = "Submit Right to Ask applications and record their stages, as the token owner may",
        ["incidents:write"] = "Push police incidents (one or a batch) into the token owner's areas, as the token owner may import them",
    };

    public async Task<Result<IssuedApiToken>> IssueAsync(User owner, string? name, IReadOnlyCollection<string> scopes,
        DateOnly? expiresOn, string issuedByUserId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("Name", "Enter a name for the token, such as the system that will use it"));
        }
        else if (name.Length > 100)
        {
            errors.Add(new("Name", "Token name must be 100 characters or fewer"));
        }

        if (scopes.Count == 0 || !scopes.All(KnownScopes.ContainsKey))
        {
            errors.Add(new("Scopes", "Select at least one scope from the list"));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (expiresOn is null)
        {
            errors.Add(new("ExpiresOn", "Enter the date the token expires"));
        }
        else if (expiresOn <= today)
        {
            errors.Add(new("ExpiresOn", "The expiry date must be in the future"));
        }
        else if (expiresOn > today.AddDays(MaxLifetimeDays))
        {
            errors.Add(new("ExpiresOn", $"The expiry date must be within {MaxLifetimeDays} days"));
        }

        if (owner.IsDisabled)
        {
            errors.Add(new("Name", "This user is disabled: enable them before issuing a token"));
        }

        if (errors.Count > 0)
        {
            return Result<IssuedApiToken>.Fail(errors);
        }

        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var token = new ApiToken
        {
            UserId = owner.Id,
            Name = name!,
            Prefix = secret[..12],
            TokenHash = Hash(secret),
            Scopes = string.Join(' ', scopes.Distinct().Order()),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = issuedByUserId,
            ExpiresAt = EndOfDayInLondon(expiresOn!.Value),
        };

        await using var write = await audit.BeginAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        write.Record("api-token.issued", "User", owner.Id,
            after: new { token.Id, token.Name, token.Prefix, token.Scopes, token.ExpiresAt }, actorUserId: issuedByUserId);
        await write.CommitAsync(ct);
        return Result<IssuedApiToken>.Ok(new IssuedApiToken(token, secret));
    }

    public async Task<bool> RevokeAsync(ApiToken token, CancellationToken ct = default)
    {
        if (token.RevokedAt is not null)
        {
            return false;
        }

        await using var write = await audit.BeginAsync(ct);
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        write.Record("api-token.revoked", "User", token.UserId, after: new { token.Id, token.Name, token.Prefix });
        await write.CommitAsync(ct);
        return true;
    }

    /// <summary>The token and its user when the secret is good, unexpired, unrevoked and the user enabled; otherwise null.</summary>
    public async Task<(ApiToken Token, User User)?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(x => x.Token.TokenHash == hash, ct);
        if (found is null || found.Token.RevokedAt is not null || found.Token.ExpiresAt <= now || found.User.IsDisabled)
        {
            return null;
        }

        found.Token.LastUsedAt = now;
        await db.SaveChangesAsync(ct);
        return (found.Token, found.User);
    }

    /// <summary>A token "expires on 30 June" works until midnight at the end of 30 June, UK time.</summary>
    public static DateTime EndOfDayInLondon(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(
        day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    /// <summary>The last day a token works, as people name it.</summary>
    public static DateOnly LastDay(ApiToken token) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(
        token.ExpiresAt.AddSeconds(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

    // The secret has 256 bits of entropy, so a plain SHA-256 is enough: nothing to brute-force.
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
