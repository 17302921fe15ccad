using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguard.Core.Common;
using Safeguard.Core.People;

namespace Safeguard.Core.Referrals.Dash;

/// <summary>The outcome of scoring: the levels, the four criteria with evidence, or the field errors.</summary>
public sealed record DashScore(int YesCount, RiskLevel? ActuarialLevel, RiskLevel Level, ReferralCriteria CriteriaMet, IReadOnlyList<CriterionFinding> Findings);

/// <summary>
/// The MARAC referral criteria (shared/domain/README.md section 3; reference.md 3.3 and 4.1). Pure: the caller
/// brings the answers, the judgement and the victim's history; nothing here reads the database or the clock.
/// </summary>
public static class DashScoring
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public const string DowngradeMessage =
        "Professional judgement cannot lower an actuarial high risk. The checklist scores high risk, so the level stays high";

    public static Result<DashScore> Score(
        DashDefinition definition, IReadOnlyDictionary<string, DashAnswer?> answers, RiskLevel? judged, string? rationale,
        EscalationCheck escalation, RepeatCheck repeat)
    {
        var errors = new List<FieldError>();
        foreach (var (question, index) in definition.Questions.Select((q, i) => (q, i + 1)))
        {
            if (!answers.TryGetValue(question.Id, out var answer) || answer is null)
            {
                errors.Add(new FieldError("Answers[" + question.Id + "]", $"Answer question {index}: {question.Text}"));
            }
        }

        var yes = definition.Questions.Count(q => answers.GetValueOrDefault(q.Id) == DashAnswer.Yes);
        RiskLevel? actuarial = definition.HighRiskFrom is int high && yes >= high ? RiskLevel.High
            : definition.MediumFrom is int medium && yes >= medium ? RiskLevel.Medium
            : definition.HighRiskFrom is null ? null : RiskLevel.Standard;
        var text = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim();
        if (actuarial == RiskLevel.High && judged is RiskLevel lower && lower != RiskLevel.High)
        {
            errors.Add(new FieldError("JudgedLevel", DowngradeMessage));
        }
        else if (judged is RiskLevel j && j != actuarial && text is null)
        {
            errors.Add(new FieldError("Rationale", "Enter the reasons for your professional judgement"));
        }
        else if (judged is null && actuarial is null)
        {
            errors.Add(new FieldError("JudgedLevel", "Select the risk level: this checklist has no score threshold, so it rests on your professional judgement"));
        }

        if (text is { Length: > 4000 })
        {
            errors.Add(new FieldError("Rationale", "Reasons must be 4000 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<DashScore>.Fail(errors);
        }

        var level = judged is RiskLevel chosen && (actuarial is null || chosen > actuarial) ? chosen : actuarial!.Value;
        var findings = new List<CriterionFinding>
        {
            definition.HighRiskFrom is int threshold
                ? new(ReferralCriteria.VisibleHighRisk, yes >= threshold, $"{yes} yes answers of {definition.Questions.Count}; the threshold is {threshold}")
                : new(ReferralCriteria.VisibleHighRisk, false, $"{yes} yes answers of {definition.Questions.Count}; this checklist has no score threshold"),
            judged == RiskLevel.High && actuarial != RiskLevel.High
                ? new(ReferralCriteria.ProfessionalJudgement, true, "Raised to high risk: " + text)
                : new(ReferralCriteria.ProfessionalJudgement, false, text is null ? "No professional judgement recorded" : "Recorded: " + text),
            new(ReferralCriteria.PotentialEscalation, escalation.IsPotentialEscalation,
                $"{escalation.Count} police-reported incident{(escalation.Count == 1 ? "" : "s")} from {London.Format(escalation.WindowStarts)} to {London.Format(escalation.WindowEnds)}"
                + (escalation.Incidents.Count > 0 ? ": " + string.Join(", ", escalation.Incidents.Select(i => $"{i.Reference} ({London.Format(i.Date)})")) : "")),
            new(ReferralCriteria.Repeat, repeat.IsRepeat, repeat.LastMaracReferral is { } last
                ? $"Last MARAC referral {last.Reference} on {London.Format(last.Date)}; the 12 months end on {London.Format(repeat.RepeatWindowEnds!.Value)}"
                : "No earlier MARAC referral"),
        };
        var met = findings.Where(f => f.Met).Aggregate(ReferralCriteria.None, (all, f) => all | f.Criterion);
        return Result<DashScore>.Ok(new DashScore(yes, actuarial, level, met, findings));
    }

    public static string Serialise(object value) => JsonSerializer.Serialize(value, Json);
}
