using Safeguard.Core.People;

namespace Safeguard.Core.Incidents;

/// <summary>
/// One incident as sent, every value as text: a CSV row, or an API body written out the same way, so both are held
/// to one set of rules (<see cref="IncidentRules"/>). The area comes by name (CSV) or by id (API).
/// </summary>
public sealed record IncidentInput(
    string? IncidentReference, string? OccurredAt, string? ReportedAt, string? AreaName, int? AreaId, string? RiskLevel, string? DashYesCount,
    string? VictimGivenName, string? VictimFamilyName, string? VictimDateOfBirth,
    string? PerpetratorGivenName, string? PerpetratorFamilyName, string? PerpetratorDateOfBirth,
    string? ChildrenLinked, string? ChildrenCount, string? VictimConsented, string? Summary, string? OfficerCollarNumber);

/// <summary>A person as the incident names them: matched to the person index, or added to it, when the incident is saved.</summary>
public sealed record IncidentPerson(string GivenName, string FamilyName, DateOnly? DateOfBirth);

/// <summary>An incident that passed every rule, ready to save.</summary>
public sealed record ValidIncident(
    string IncidentReference, DateTime OccurredAt, DateTime ReportedAt, int AreaId, RiskLevel RiskLevel, int? DashYesCount,
    IncidentPerson Victim, IncidentPerson? Perpetrator, bool ChildrenLinked, int? ChildrenCount, bool VictimConsented,
    string Summary, string OfficerCollarNumber);

/// <summary>A row that was refused: its line in the file (0 for the API), its reference if any, and each reason.</summary>
public sealed record RowProblem(int Line, string? IncidentReference, IReadOnlyList<string> Reasons);
