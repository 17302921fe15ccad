using Safeguard.Core.People;

namespace Safeguard.Core.Referrals;

/// <summary>
/// One referral into the DRAMM and MARAC process, with the content of the SafeLives referral form. People are
/// taken from the person index and kept apart by role in <see cref="ReferralPerson"/>; DASH assessments and the
/// timeline hang off it. The routing records where it went: MARAC, not MARAC, or children's safeguarding.
/// </summary>
public sealed class Referral
{
    public int Id { get; set; }
    public ReferralKind Kind { get; set; }
    public int AreaId { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>The police incident number, for incidents entered by hand and where the referrer gives one.</summary>
    public string? PoliceReference { get; set; }

    // The referrer
    public required string ReferrerName { get; set; }
    public required string ReferrerAgency { get; set; }
    public required string ReferrerRole { get; set; }
    public required string ReferrerContact { get; set; }

    // Why: the four MARAC criteria as the referrer saw them, and their words
    public ReferralCriteria ReferrerCriteria { get; set; }
    public required string Reason { get; set; }

    // The victim's view and safety
    public bool VictimAware { get; set; }
    public Answer VictimConsents { get; set; }
    public string? VictimFears { get; set; }
    public string? SafeToTalkTo { get; set; }
    public string? UnsafeToTalkTo { get; set; }
    public string? PreviousMarac { get; set; }
    public string? ActionsTaken { get; set; }

    public ReferralRouting Routing { get; set; }

    /// <summary>The Clare's Law application this referral was made from (kind <see cref="ReferralKind.ClaresLaw"/>): at most one each.</summary>
    public int? DisclosureApplicationId { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public int Version { get; set; }

    public List<ReferralPerson> People { get; set; } = [];

    public string Reference => FormatReference(Id);

    /// <summary>The reference shown to users, never a name: it can sit in a URL, a title or an involvement.</summary>
    public static string FormatReference(int id) => "RF" + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A person on a referral in one role. Children carry their school, as the referral form asks.</summary>
public sealed class ReferralPerson
{
    public int Id { get; set; }
    public int ReferralId { get; set; }
    public int PersonId { get; set; }
    public ReferralRole Role { get; set; }
    public string? School { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>One line of a referral's timeline: what happened, when and by whom. Never a name in the title.</summary>
public sealed class ReferralEvent
{
    public long Id { get; set; }
    public int ReferralId { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
}

public enum ReferralKind
{
    AgencyReferral,
    MaracTransferIn,
    Repeat,
    PoliceIncidentHigh,
    PoliceIncidentMedium,

    /// <summary>Made by the police from a Clare's Law (DVDS) application whose risk assessment rated the risk high.</summary>
    ClaresLaw,
}

public enum ReferralRole
{
    Victim,
    Perpetrator,
    Child,
}

/// <summary>Where the referral went. Under-16 victims go to children's safeguarding and are never a MARAC referral.</summary>
public enum ReferralRouting
{
    AwaitingAssessment,
    Marac,
    NotMarac,
    ChildrensSafeguarding,
}

[Flags]
public enum ReferralCriteria
{
    None = 0,
    VisibleHighRisk = 1,
    ProfessionalJudgement = 2,
    PotentialEscalation = 4,
    Repeat = 8,
}

public static class ReferralNames
{
    public static string Of(ReferralKind k) => k switch
    {
        ReferralKind.AgencyReferral => "Agency or third-party referral",
        ReferralKind.MaracTransferIn => "MARAC transfer in",
        ReferralKind.Repeat => "Repeat",
        ReferralKind.PoliceIncidentHigh => "Police incident (high risk)",
        ReferralKind.PoliceIncidentMedium => "Police incident (medium risk)",
        ReferralKind.ClaresLaw => "Clare's Law (high-risk disclosure application)",
        _ => k.ToString(),
    };

    public static string Of(ReferralRouting r) => r switch
    {
        ReferralRouting.AwaitingAssessment => "Awaiting risk assessment",
        ReferralRouting.Marac => "Referred to MARAC",
        ReferralRouting.NotMarac => "MARAC criteria not met",
        ReferralRouting.ChildrensSafeguarding => "Routed to children's safeguarding",
        _ => r.ToString(),
    };

    public static string Of(ReferralCriteria c) => c switch
    {
        ReferralCriteria.VisibleHighRisk => "Visible high risk",
        ReferralCriteria.ProfessionalJudgement => "Professional judgement",
        ReferralCriteria.PotentialEscalation => "Potential escalation",
        ReferralCriteria.Repeat => "Repeat",
        _ => c.ToString(),
    };

    public static readonly ReferralCriteria[] Criteria =
        [ReferralCriteria.VisibleHighRisk, ReferralCriteria.ProfessionalJudgement, ReferralCriteria.PotentialEscalation, ReferralCriteria.Repeat];

    public static bool IsPoliceIncident(ReferralKind k) => k is ReferralKind.PoliceIncidentHigh or ReferralKind.PoliceIncidentMedium;

    public static CaseRole CaseRoleOf(ReferralRole role) => role switch
    {
        ReferralRole.Victim => CaseRole.Victim,
        ReferralRole.Perpetrator => CaseRole.Perpetrator,
        _ => CaseRole.Child,
    };
}
