using Safeguard.Core.People;

namespace Safeguard.Core.Referrals;

/// <summary>The referral form as received. People are added afterwards from the person index.</summary>
public sealed record NewReferral(
    ReferralKind? Kind, int AreaId, DateOnly? ReceivedOn, string? PoliceReference,
    string? ReferrerName, string? ReferrerAgency, string? ReferrerRole, string? ReferrerContact,
    ReferralCriteria ReferrerCriteria, string? Reason,
    bool? VictimAware, Answer? VictimConsents, string? VictimFears, string? SafeToTalkTo, string? UnsafeToTalkTo,
    string? PreviousMarac, string? ActionsTaken);

/// <summary>
/// A completed checklist: which definition (key and version), the answers by question id, and the assessor's
/// professional judgement. A judged level may raise the actuarial level, never lower an actuarial high.
/// </summary>
public sealed record AssessmentInput(
    string DefinitionKey, int DefinitionVersion, IReadOnlyDictionary<string, DashAnswer?> Answers,
    RiskLevel? JudgedLevel, string? Rationale);

public enum DashAnswer
{
    Yes,
    No,
    NotKnown,
}
