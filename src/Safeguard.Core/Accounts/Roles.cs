namespace Safeguard.Core.Accounts;

/// <summary>The roles of the process model (shared/domain/README.md, "Who uses it"). A user may combine roles.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ControlRoom = "ControlRoom";
    public const string CruResearcher = "CruResearcher";
    public const string CruDecisionMaker = "CruDecisionMaker";
    public const string CruSupervisor = "CruSupervisor";
    public const string DisclosureOfficer = "DisclosureOfficer";
    public const string MaracCoordinator = "MaracCoordinator";
    public const string MeetingChair = "MeetingChair";
    public const string AgencyRepresentative = "AgencyRepresentative";
    public const string Idva = "Idva";
    public const string TeamLeader = "TeamLeader";
    public const string CaseCoordinator = "CaseCoordinator";
    public const string OperationalLeader = "OperationalLeader";
    public const string Auditor = "Auditor";

    public sealed record RoleInfo(string Name, string DisplayName, string Description);

    public static readonly IReadOnlyList<RoleInfo> All =
    [
        new(Administrator, "Administrator", "Adds and disables users; manages agencies, areas and settings"),
        new(ControlRoom, "Control room or front counter", "Records first contact and triages immediate risk"),
        new(CruResearcher, "CRU researcher", "Checks criteria, meets applicants, researches, drafts wording"),
        new(CruDecisionMaker, "CRU decision maker", "Decides what is disclosed, with rationale"),
        new(CruSupervisor, "CRU supervisor", "Allocates work, watches clocks and workload"),
        new(DisclosureOfficer, "Disclosure officer", "Delivers disclosures and safety plans"),
        new(MaracCoordinator, "MARAC co-ordinator", "Builds agendas and packs, records meetings"),
        new(MeetingChair, "Meeting chair", "Runs DRAMM and MARAC meetings"),
        new(AgencyRepresentative, "Agency representative", "Shares their agency's information and updates its actions"),
        new(Idva, "IDVA", "The voice of the victim at meetings"),
        new(TeamLeader, "Team leader", "Allocates case co-ordination work"),
        new(CaseCoordinator, "Case co-ordinator", "Co-ordinates victim, perpetrator and child plans"),
        new(OperationalLeader, "Operational leader", "Oversees case co-ordination"),
        new(Auditor, "Auditor", "Reads everything and the audit trail; changes nothing"),
    ];

    public static bool IsKnown(string role) => All.Any(r => r.Name == role);

    public static string DisplayName(string role) => All.FirstOrDefault(r => r.Name == role)?.DisplayName ?? role;
}
