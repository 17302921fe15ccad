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

    /// <summary>See and work on Clare's Law and Sarah's Law applications in the user's areas.</summary>
    WorkOnDisclosures,

    /// <summary>Take a first contact: start an application and triage immediate risk.</summary>
    RecordFirstContact,

    /// <summary>Review criteria, meet the applicant, research, inform applicants, close applications.</summary>
    ResearchDisclosures,

    /// <summary>Decide whether to disclose (never on an application the same user researched).</summary>
    DecideDisclosures,

    /// <summary>Deliver a disclosure and record it.</summary>
    DeliverDisclosures,

    /// <summary>Allocate and reassign applications; acknowledge urgent alerts; see the board.</summary>
    AllocateDisclosures,

    /// <summary>Read every application in every area, changing nothing: inspectors and auditors.</summary>
    ReadAllDisclosures,

    /// <summary>The disclosure dashboard and the Home Office figures.</summary>
    ViewDisclosureFigures,

    /// <summary>Schemes, clocks, bank holidays, research sources and document templates.</summary>
    ManageDisclosureSettings,

    /// <summary>The DRAMM's days and times (and, later, the MARAC's schedule) in the user's areas.</summary>
    ManageMeetingSettings,

    /// <summary>Record referrals and their DASH risk assessments, and see referrals, in the user's areas.</summary>
    RecordReferrals,

    /// <summary>Read every referral in every area, changing nothing: inspectors and auditors.</summary>
    ReadAllReferrals,

    /// <summary>Prepare the day's DRAMM list in the user's areas: add or remove cases with a reason.</summary>
    PrepareDramm,

    /// <summary>See a DRAMM's cases once released, when the user's agency attends the meeting (and for a while after).</summary>
    ViewDrammCases,

    /// <summary>See the police incidents in the user's areas: the daily DRAMM's starting list.</summary>
    ViewIncidents,

    /// <summary>Upload the police incident file and confirm its import.</summary>
    ImportIncidents,

    /// <summary>Read every police incident in every area, changing nothing: inspectors and auditors.</summary>
    ReadAllIncidents,

    /// <summary>Set up MARAC meetings in the user's areas: the agenda, the pack, the live meeting and the minutes.</summary>
    PrepareMarac,

    /// <summary>See a MARAC's pack and cases once released, when the user's agency is invited (and for a while after).</summary>
    ViewMaracCases,

    /// <summary>The MARAC dashboard: cases per meeting, actions by agency, repeats, work due.</summary>
    ViewMaracFigures,
}

public static partial class Capabilities
{
    private static readonly Capability[] Cru = [Capability.FindPeople, Capability.RecordPeople, Capability.WorkOnDisclosures];

    private static readonly Dictionary<string, Capability[]> ByRole = new()
    {
        [Roles.Administrator] = [Capability.ManageUsers, Capability.ManageOrganisation, Capability.IssueApiTokens, Capability.FindPeople, Capability.ReverseMerges,
            Capability.ManageDisclosureSettings, Capability.ManageMeetingSettings],
        [Roles.Auditor] = [Capability.ReadAuditTrail, Capability.FindPeople, Capability.ReadAllDisclosures, Capability.ViewDisclosureFigures],
        [Roles.ControlRoom] = [.. Cru, Capability.RecordFirstContact],
        [Roles.CruResearcher] = [.. Cru, Capability.RecordFirstContact, Capability.ResearchDisclosures],
        [Roles.CruDecisionMaker] = [.. Cru, Capability.DecideDisclosures, Capability.ViewDisclosureFigures],
        [Roles.CruSupervisor] = [.. Cru, Capability.MergePeople, Capability.RecordFirstContact, Capability.ResearchDisclosures, Capability.DeliverDisclosures,
            Capability.AllocateDisclosures, Capability.ViewDisclosureFigures],
        [Roles.DisclosureOfficer] = [.. Cru, Capability.DeliverDisclosures],
        [Roles.MaracCoordinator] = [Capability.FindPeople, Capability.RecordPeople, Capability.MergePeople, Capability.ManageMeetingSettings, Capability.PrepareDramm, Capability.ViewDrammCases],
        [Roles.MeetingChair] = [Capability.FindPeople, Capability.RecordPeople, Capability.PrepareDramm, Capability.ViewDrammCases],
        [Roles.Idva] = [Capability.FindPeople, Capability.RecordPeople, Capability.ViewDrammCases],
        [Roles.AgencyRepresentative] = [Capability.ViewDrammCases],
        [Roles.TeamLeader] = [Capability.FindPeople, Capability.RecordPeople, Capability.MergePeople],
        [Roles.CaseCoordinator] = [Capability.FindPeople, Capability.RecordPeople],
        [Roles.OperationalLeader] = [Capability.FindPeople, Capability.RecordPeople],
    };

    public static string PolicyName(Capability capability) => "Capability:" + capability;

    // Police incidents (issue 5): the police roles who triage for the DRAMM see them; the control room and the MARAC
    // (DRAMM) co-ordinator import them; auditors read them all. Partner agencies see none yet.
    private static readonly Dictionary<string, Capability[]> IncidentsByRole = new()
    {
        [Roles.ControlRoom] = [Capability.ViewIncidents, Capability.ImportIncidents],
        [Roles.MaracCoordinator] = [Capability.ViewIncidents, Capability.ImportIncidents],
        [Roles.CruSupervisor] = [Capability.ViewIncidents],
        [Roles.MeetingChair] = [Capability.ViewIncidents],
        [Roles.Auditor] = [Capability.ReadAllIncidents],
    };

    public static IReadOnlySet<Capability> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(r => (ByRole.TryGetValue(r, out var caps) ? caps : []).Concat(ReferralsByRole.GetValueOrDefault(r, [])).Concat(IncidentsByRole.GetValueOrDefault(r, []))
            .Concat(MaracByRole.GetValueOrDefault(r, []))).ToHashSet();

    /// <summary>The roles that carry a capability: for a list of people who may be given work that needs it.</summary>
    public static IReadOnlyList<string> RolesWith(Capability capability) =>
        [.. ByRole.Keys.Concat(ReferralsByRole.Keys).Concat(IncidentsByRole.Keys).Concat(MaracByRole.Keys).Distinct().Where(r => ForRoles([r]).Contains(capability))];

    public static bool Has(ClaimsPrincipal user, Capability capability) =>
        ForRoles(user.FindAll(ClaimTypes.Role).Select(c => c.Value)).Contains(capability);
}
