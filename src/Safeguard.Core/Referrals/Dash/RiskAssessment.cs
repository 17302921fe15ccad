using System.Text.Json;
using Safeguard.Core.People;

namespace Safeguard.Core.Referrals.Dash;

/// <summary>
/// One completed checklist on a referral. It names the questionnaire's key and version and keeps the answers by
/// question id, so a later version of the questionnaire never changes what was answered here. The criteria and
/// their evidence are kept as they stood when assessed: the history may grow later, the assessment does not.
/// </summary>
public sealed class RiskAssessment
{
    public int Id { get; set; }
    public int ReferralId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }

    /// <summary>JSON object: question id to "Yes", "No" or "NotKnown".</summary>
    public required string Answers { get; set; }

    public int YesCount { get; set; }
    public RiskLevel? ActuarialLevel { get; set; }
    public RiskLevel? JudgedLevel { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public string? Rationale { get; set; }
    public ReferralCriteria CriteriaMet { get; set; }

    /// <summary>JSON list of <see cref="CriterionFinding"/>: each criterion, whether met, and why.</summary>
    public required string Findings { get; set; }

    public DateTime AssessedAt { get; set; }
    public string? AssessedByUserId { get; set; }

    public IReadOnlyDictionary<string, DashAnswer> ReadAnswers() =>
        JsonSerializer.Deserialize<Dictionary<string, DashAnswer>>(Answers, DashScoring.Json) ?? [];

    public IReadOnlyList<CriterionFinding> ReadFindings() =>
        JsonSerializer.Deserialize<List<CriterionFinding>>(Findings, DashScoring.Json) ?? [];
}

/// <summary>One MARAC criterion on one assessment, with the evidence a meeting reads.</summary>
public sealed record CriterionFinding(ReferralCriteria Criterion, bool Met, string Evidence);
