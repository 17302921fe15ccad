using Safeguard.Core.People;

namespace Safeguard.Core.Disclosures;

/// <summary>
/// One Clare's Law or Sarah's Law application, from first contact to closure. It carries what every stage
/// recorded, so the record reads top to bottom like the work. People are kept apart by role in
/// <see cref="ApplicationPerson"/>; the stage history, checks, files and delays hang off it.
/// </summary>
public sealed class DisclosureApplication
{
    public int Id { get; set; }
    public int SchemeId { get; set; }

    // Copied from the scheme so the board and the returns group without a join.
    public Scheme Scheme { get; set; }
    public Route Route { get; set; }

    public int AreaId { get; set; }
    public DisclosureStage Stage { get; set; }
    public DateTime StageEnteredAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public ReceivedVia ReceivedVia { get; set; }

    /// <summary>The submitting system's own reference: a second submission with it returns the first application.</summary>
    public string? ClientReference { get; set; }

    /// <summary>Details an online form sent, kept until the CRU matches them to the person index.</summary>
    public string? SubmittedDetails { get; set; }

    // First contact and triage
    public required string WhatPrompted { get; set; }
    public string? SafeContactWay { get; set; }
    public string? SafeContactTimes { get; set; }
    public bool Urgent { get; set; }
    public string? ImmediateRisk { get; set; }
    public string? SafeguardingAction { get; set; }

    /// <summary>A supervisor has seen the urgent flag: until then the board keeps it at the top in red.</summary>
    public DateTime? UrgentAcknowledgedAt { get; set; }

    public string? UrgentAcknowledgedByUserId { get; set; }

    // Allocation
    public string? OwnerUserId { get; set; }
    public string? DisclosureOfficerUserId { get; set; }

    // Criteria review
    public bool? WithinScheme { get; set; }
    public string? CriteriaReasons { get; set; }
    public DateOnly? ApplicantToldOn { get; set; }

    // Face-to-face meeting
    public DateOnly? MetOn { get; set; }
    public string? MeetingPlace { get; set; }
    public string? PhotoIdentity { get; set; }
    public string? SecondIdentity { get; set; }
    public string? MeetingNotes { get; set; }

    // Research
    public string? ResearcherUserId { get; set; }
    public RiskLevel? RiskLevel { get; set; }
    public string? RiskAssessment { get; set; }

    /// <summary>Sarah's Law: the Home Office counts applications about registered sex offenders.</summary>
    public bool? SubjectIsRegisteredSexOffender { get; set; }

    // Decision
    public bool? Disclose { get; set; }
    public string? DisclosureWording { get; set; }
    public int? RecipientPersonId { get; set; }
    public bool? SubjectToBeTold { get; set; }
    public string? Lawful { get; set; }
    public string? Necessary { get; set; }
    public string? Proportionate { get; set; }
    public string? PressingNeed { get; set; }
    public string? OtherSafeguarding { get; set; }
    public string? NoDisclosureReason { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateOnly? DecidedOn { get; set; }

    // Disclosure delivered
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliveryPlace { get; set; }
    public string? PresentAtDelivery { get; set; }
    public bool? ConfidentialityExplained { get; set; }
    public string? RecipientResponse { get; set; }
    public string? SafetyPlan { get; set; }
    public string? Referrals { get; set; }

    // No disclosure: the applicant is told
    public DateOnly? ApplicantInformedOn { get; set; }
    public string? ApplicantInformedHow { get; set; }

    // Closure
    public DisclosureOutcome? Outcome { get; set; }
    public string? OutcomeNotes { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>The whole-process deadline; kept on the row so closed work can be counted in or out of time.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The earliest deadline still running: what the board sorts and colours by.</summary>
    public DateTime? NextDueAt { get; set; }

    public ClockKind? NextClock { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public int Version { get; set; }

    public List<ApplicationPerson> People { get; set; } = [];

    public string Reference => FormatReference(Scheme, Id);

    public bool IsOpen => Stage != DisclosureStage.Closed;

    /// <summary>The reference shown to users, never a name: it can sit in a URL, a title or a file name.</summary>
    public static string FormatReference(Scheme scheme, int id) =>
        (scheme == Scheme.Dvds ? "DV" : "CS") + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A person on an application in one role. One person may hold two roles (an applicant who is also at risk).</summary>
public sealed class ApplicationPerson
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int PersonId { get; set; }
    public ApplicationRole Role { get; set; }

    /// <summary>How this person relates to the person at risk or the child, in the applicant's words.</summary>
    public string? Relationship { get; set; }

    public DateTime AddedAt { get; set; }
}

public enum ApplicationRole
{
    Applicant,
    PersonAtRisk,
    Subject,
    Child,
    Recipient,
}

public static class ApplicationRoleNames
{
    public static string Of(ApplicationRole role) => role switch
    {
        ApplicationRole.PersonAtRisk => "Person at risk",
        ApplicationRole.Recipient => "Recipient of the disclosure",
        _ => role.ToString(),
    };

    public static CaseRole CaseRoleOf(ApplicationRole role) => role switch
    {
        ApplicationRole.Applicant => CaseRole.Applicant,
        ApplicationRole.PersonAtRisk => CaseRole.PersonAtRisk,
        ApplicationRole.Subject => CaseRole.Subject,
        ApplicationRole.Child => CaseRole.Child,
        _ => CaseRole.DisclosureRecipient,
    };
}
