namespace Safeguard.Core.People;

/// <summary>
/// One time a person appears in the product's work: a police incident, a referral, a DRAMM or MARAC hearing,
/// an application, a protection order. The role is per case: a victim here may be the perpetrator elsewhere.
/// Features that own the case write these rows; the profile, the "known before" summary and the repeat and
/// escalation calculators read them.
/// </summary>
public sealed class PersonInvolvement
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int AreaId { get; set; }
    public InvolvementKind Kind { get; set; }
    public CaseRole Role { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The case's own reference (an incident number, an application number): never a name.</summary>
    public required string Reference { get; set; }

    public RiskLevel? RiskLevel { get; set; }

    /// <summary>Reported to or by the police: what counts towards potential escalation.</summary>
    public bool PoliceReported { get; set; }

    public DateTime RecordedAt { get; set; }
}

public enum InvolvementKind
{
    Incident,
    Referral,
    MaracReferral,
    DrammHearing,
    MaracHearing,
    DisclosureApplication,
    ProtectionOrder,
}

public enum CaseRole
{
    Victim,
    Perpetrator,
    Child,
    Applicant,
    PersonAtRisk,
    Subject,
    DisclosureRecipient,
    Other,
}

public enum RiskLevel
{
    Standard,
    Medium,
    High,
}

public static class InvolvementNames
{
    public static string Of(InvolvementKind k) => k switch
    {
        InvolvementKind.Incident => "Incident",
        InvolvementKind.Referral => "Referral",
        InvolvementKind.MaracReferral => "MARAC referral",
        InvolvementKind.DrammHearing => "Heard at DRAMM",
        InvolvementKind.MaracHearing => "Heard at MARAC",
        InvolvementKind.DisclosureApplication => "Disclosure application",
        InvolvementKind.ProtectionOrder => "Protection order",
        _ => k.ToString(),
    };

    public static string Of(CaseRole r) => r switch
    {
        CaseRole.PersonAtRisk => "Person at risk",
        CaseRole.DisclosureRecipient => "Recipient of a disclosure",
        _ => r.ToString(),
    };
}
