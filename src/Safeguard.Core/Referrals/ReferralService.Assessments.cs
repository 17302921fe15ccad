using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core.Referrals;

public sealed partial class ReferralService
{
    /// <summary>
    /// Scores a completed checklist against the four MARAC criteria and routes the referral: to MARAC when any
    /// criterion is met (recorded on the victim's profile as a MARAC referral, which later repeats count from),
    /// otherwise not to MARAC. An under-16 victim's referral stays with children's safeguarding whatever the score.
    /// </summary>
    public async Task<Result<RiskAssessment>> AssessAsync(int referralId, AssessmentInput input, CancellationToken ct = default)
    {
        var referral = await db.Referrals.Include(r => r.People).FirstAsync(r => r.Id == referralId, ct);
        var definition = await definitions.FindAsync(input.DefinitionKey, input.DefinitionVersion, ct);
        if (definition is null)
        {
            return Result<RiskAssessment>.Fail(new FieldError("DefinitionKey", "Select a risk checklist"));
        }

        var victim = referral.People.FirstOrDefault(p => p.Role == ReferralRole.Victim);
        if (victim is null)
        {
            return Result<RiskAssessment>.Fail(new FieldError("DefinitionKey", "Add the victim to the referral before assessing risk"));
        }

        // The victim's whole history, in every area and through any merge since they were added. This referral's own
        // police incident counts towards escalation; its own MARAC referral (from an earlier assessment) is no repeat.
        var canonical = await db.People.Where(p => p.Id == victim.PersonId).Select(p => p.CanonicalId).FirstAsync(ct);
        var all = await history.InvolvementsAsync(canonical, null, ct);
        var past = all.Where(i => i.Reference != referral.Reference).ToList();
        var own = all.Where(i => i.Reference == referral.Reference && i.Kind == InvolvementKind.Incident && i.Role == CaseRole.Victim);
        var escalation = RiskHistory.Escalation(past.Concat(own), referral.ReceivedAt);
        var repeat = RiskHistory.Repeat(past, referral.ReceivedAt);
        var scored = DashScoring.Score(definition, input.Answers, input.JudgedLevel, input.Rationale, escalation, repeat);
        if (!scored.Succeeded)
        {
            return Result<RiskAssessment>.Fail(scored.Errors);
        }

        var score = scored.Value!;
        var assessment = new RiskAssessment
        {
            ReferralId = referral.Id, DefinitionKey = definition.Key, DefinitionVersion = definition.Version,
            Answers = DashScoring.Serialise(definition.Questions.ToDictionary(q => q.Id, q => input.Answers[q.Id]!.Value)),
            YesCount = score.YesCount, ActuarialLevel = score.ActuarialLevel, JudgedLevel = input.JudgedLevel, RiskLevel = score.Level,
            Rationale = string.IsNullOrWhiteSpace(input.Rationale) ? null : input.Rationale.Trim(), CriteriaMet = score.CriteriaMet,
            Findings = DashScoring.Serialise(score.Findings), AssessedAt = Now, AssessedByUserId = actor.ActorUserId,
        };

        return await SaveAsync(referral, "DefinitionKey", async write =>
        {
            db.RiskAssessments.Add(assessment);
            await db.SaveChangesAsync(ct);
            write.Record("referral.assessed", "Referral", Id(referral), after: new
            {
                assessment.Id, assessment.DefinitionKey, assessment.DefinitionVersion, assessment.YesCount, RiskLevel = assessment.RiskLevel.ToString(),
                CriteriaMet = assessment.CriteriaMet.ToString(),
            });
            Timeline(referral, "Risk assessed: " + definition.Title,
                $"{score.YesCount} yes answers; {score.Level} risk; " + (score.CriteriaMet == ReferralCriteria.None ? "no MARAC criterion met" : "MARAC criteria met: " + Criteria(score.CriteriaMet)));
            if (referral.Routing != ReferralRouting.ChildrensSafeguarding && definition.Key != DashKeys.Stalking)
            {
                var routing = score.CriteriaMet == ReferralCriteria.None ? ReferralRouting.NotMarac : ReferralRouting.Marac;
                if (routing == ReferralRouting.Marac && referral.Routing != ReferralRouting.Marac)
                {
                    await people.RecordInvolvementAsync(new PersonInvolvement
                    {
                        PersonId = victim.PersonId, AreaId = referral.AreaId, Kind = InvolvementKind.MaracReferral, Role = CaseRole.Victim,
                        OccurredAt = referral.ReceivedAt, Reference = referral.Reference, RiskLevel = score.Level, PoliceReported = ReferralNames.IsPoliceIncident(referral.Kind),
                    }, write, ct);
                }

                // Once referred to MARAC a referral stays referred: a later, lower checklist does not take it back out.
                if (routing != referral.Routing && referral.Routing != ReferralRouting.Marac)
                {
                    Route(referral, routing, write);
                    Timeline(referral, ReferralNames.Of(routing), null);
                }
            }

            return assessment;
        }, ct);
    }
}
