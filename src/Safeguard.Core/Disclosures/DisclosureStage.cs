namespace Safeguard.Core.Disclosures;

/// <summary>The straight line an application moves along. The order of the values is the order of the work.</summary>
public enum DisclosureStage
{
    /// <summary>First contact and triage: who is involved, what prompted it, immediate risk, safe contact.</summary>
    Triage,

    /// <summary>Within the scheme or not.</summary>
    CriteriaReview,

    /// <summary>Face-to-face meeting and identity check (Right to Ask only).</summary>
    FaceToFace,

    /// <summary>Checks of police and partner sources and a risk assessment.</summary>
    Research,

    /// <summary>Disclose or not, by someone other than the researcher.</summary>
    Decision,

    /// <summary>Delivering the disclosure, or telling the applicant there is none.</summary>
    Disclosure,

    Closed,
}

public static class StageNames
{
    public static string Of(DisclosureStage stage) => stage switch
    {
        DisclosureStage.Triage => "First contact and triage",
        DisclosureStage.CriteriaReview => "Criteria review",
        DisclosureStage.FaceToFace => "Face-to-face meeting",
        DisclosureStage.Research => "Research",
        DisclosureStage.Decision => "Decision",
        DisclosureStage.Disclosure => "Disclosure",
        DisclosureStage.Closed => "Closed",
        _ => stage.ToString(),
    };

    /// <summary>The stage after this one for a scheme: face to face only where the scheme meets the applicant.</summary>
    public static DisclosureStage Next(DisclosureStage stage, bool meetsApplicant) => stage switch
    {
        DisclosureStage.CriteriaReview => meetsApplicant ? DisclosureStage.FaceToFace : DisclosureStage.Research,
        DisclosureStage.Closed => DisclosureStage.Closed,
        _ => stage + 1,
    };

    /// <summary>The stages an application of this kind passes through, in order.</summary>
    public static IReadOnlyList<DisclosureStage> For(bool meetsApplicant) =>
        Enum.GetValues<DisclosureStage>().Where(s => meetsApplicant || s != DisclosureStage.FaceToFace).ToList();
}

/// <summary>How an application ended.</summary>
public enum DisclosureOutcome
{
    DisclosureMade,
    NoDisclosure,
    NotWithinScheme,
    Withdrawn,
    UnableToContact,
    OtherSafeguardingAction,
}

public static class OutcomeNames
{
    public static string Of(DisclosureOutcome outcome) => outcome switch
    {
        DisclosureOutcome.DisclosureMade => "Disclosure made",
        DisclosureOutcome.NoDisclosure => "No disclosure",
        DisclosureOutcome.NotWithinScheme => "Not within the scheme",
        DisclosureOutcome.Withdrawn => "Withdrawn",
        DisclosureOutcome.UnableToContact => "Unable to contact",
        DisclosureOutcome.OtherSafeguardingAction => "Other safeguarding action",
        _ => outcome.ToString(),
    };

    /// <summary>The outcomes a user may close an application with before it reaches a decision.</summary>
    public static readonly IReadOnlyList<DisclosureOutcome> EarlyClosures =
        [DisclosureOutcome.Withdrawn, DisclosureOutcome.UnableToContact, DisclosureOutcome.OtherSafeguardingAction];
}

/// <summary>How the application reached the police.</summary>
public enum ReceivedVia
{
    Online,
    Phone,
    PoliceStation,
    OfficerInPerson,
    PartnerAgency,
    Marac,
    PoliceInformation,
}

public static class ReceivedViaNames
{
    public static string Of(ReceivedVia via) => via switch
    {
        ReceivedVia.Online => "Online form",
        ReceivedVia.Phone => "Phone (101 or 999)",
        ReceivedVia.PoliceStation => "At a police station",
        ReceivedVia.OfficerInPerson => "To an officer in person",
        ReceivedVia.PartnerAgency => "From a partner agency",
        ReceivedVia.Marac => "From a MARAC",
        ReceivedVia.PoliceInformation => "Police information (Right to Know)",
        _ => via.ToString(),
    };
}
