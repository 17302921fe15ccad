using System.Security.Claims;

namespace Safeguard.Core.Accounts;

/// <summary>What a user may do, named by the work, not by the role. Pages ask for a capability, never a role.</summary>
public enum Capability
{
    ManageUsers,
    ManageOrganisation,
    IssueApiTokens,
    ReadAuditTrail,
}

public static class Capabilities
{
    private static readonly Dictionary<string, Capability[]> ByRole = new()
    {
        [Roles.Administrator] = [Capability.ManageUsers, Capability.ManageOrganisation, Capability.IssueApiTokens],
        [Roles.Auditor] = [Capability.ReadAuditTrail],
    };

    public static string PolicyName(Capability capability) => "Capability:" + capability;

    public static IReadOnlySet<Capability> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(r => ByRole.TryGetValue(r, out var caps) ? caps : []).ToHashSet();

    public static bool Has(ClaimsPrincipal user, Capability capability) =>
        ForRoles(user.FindAll(ClaimTypes.Role).Select(c => c.Value)).Contains(capability);
}
