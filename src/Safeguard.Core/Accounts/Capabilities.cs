using System.Security.Claims;

namespace Safeguard.Core.Accounts;

/// <summary>What a user may do, named by the work, not by the role. Pages ask for a capability, never a role.</summary>
public enum Capability
{
    ManageUsers,
    ManageOrganisation,
    IssueApiTokens,
    ReadAuditTrail,

    /// <summary>Search the person index and open profiles (in the user's areas).</summary>
    FindPeople,

    /// <summary>Add people and change their records.</summary>
    RecordPeople,

    /// <summary>Merge two records of one person.</summary>
    MergePeople,

    /// <summary>Reverse a merge found to be wrong.</summary>
    ReverseMerges,
}

public static class Capabilities
{
    private static readonly Dictionary<string, Capability[]> ByRole = new()
    {
        [Roles.Administrator] = [Capability.ManageUsers, Capability.ManageOrganisation, Capability.IssueApiTokens, Capability.FindPeople, Capability.ReverseMerges],
        [Roles.Auditor] = [Capability.ReadAuditTrail, Capability.FindPeople],
        [Roles.ControlRoom] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.CruResearcher] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.CruDecisionMaker] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.CruSupervisor] = [Capability.FindPeople, Capability.RecordPeople, Capability.MergePeople],
        [Roles.DisclosureOfficer] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.MaracCoordinator] = [Capability.FindPeople, Capability.RecordPeople, Capability.MergePeople],
        [Roles.MeetingChair] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.Idva] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.TeamLeader] = [Capability.FindPeople, Capability.RecordPeople, Capability.MergePeople],
        [Roles.CaseCoordinator] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.OperationalLeader] = [Capability.FindPeople, Capability.RecordPeople],
    };

    public static string PolicyName(Capability capability) => "Capability:" + capability;

    public static IReadOnlySet<Capability> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(r => ByRole.TryGetValue(r, out var caps) ? caps : []).ToHashSet();

    public static bool Has(ClaimsPrincipal user, Capability capability) =>
        ForRoles(user.FindAll(ClaimTypes.Role).Select(c => c.Value)).Contains(capability);
}
