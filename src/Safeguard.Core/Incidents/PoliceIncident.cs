using Safeguard.Core.People;

namespace Safeguard.Core.Incidents;

/// <summary>
/// A domestic abuse incident reported by a police force: what the daily DRAMM triages. The force's own incident
/// reference is the key that stops an incident being recorded twice (unique per force), so a re-sent export or a
/// repeated API call finds the record it made before. The people are in the person index, never copied here.
/// </summary>
public sealed class PoliceIncident
{
    public int Id { get; set; }

    /// <summary>The police force (an agency) whose reference this is.</summary>
    public int AgencyId { get; set; }

    public required string IncidentReference { get; set; }
    public int AreaId { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime ReportedAt { get; set; }
    public RiskLevel RiskLevel { get; set; }

    /// <summary>How many DASH questions were answered yes, when a DASH was done.</summary>
    public int? DashYesCount { get; set; }

    public int VictimPersonId { get; set; }
    public int? PerpetratorPersonId { get; set; }
    public bool ChildrenLinked { get; set; }
    public int? ChildrenCount { get; set; }

    /// <summary>The victim agreed to their information being shared with partner agencies (a DRAMM eligibility test for medium risk).</summary>
    public bool VictimConsented { get; set; }

    public required string Summary { get; set; }
    public required string OfficerCollarNumber { get; set; }
    public IncidentSource Source { get; set; }

    /// <summary>The staged upload it came from, when it came from a CSV file.</summary>
    public int? ImportId { get; set; }

    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }

    /// <summary>The reference shown to users: the record number, never a name, so it can sit in a URL or a title.</summary>
    public string Reference => FormatReference(Id);

    public static string FormatReference(int id) => "I" + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

public enum IncidentSource
{
    CsvImport,
    Api,
}

public static class RiskLevelNames
{
    public static string Of(RiskLevel r) => r switch
    {
        RiskLevel.Standard => "Standard",
        RiskLevel.Medium => "Medium",
        RiskLevel.High => "High",
        _ => r.ToString(),
    };
}
