using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Dramm;

public sealed record OutcomeInput(bool? ChildrenConfirmed, bool? DetailsConfirmed, RiskLevel? AgreedRisk, string? RiskRationale,
    MaracDecision? Decision, string? DecisionRationale, int Version);

/// <summary>
/// What the meeting agreed on a case: details and children confirmed, the risk level with its rationale, and whether
/// it goes to MARAC and in which category, with its rationale. The victim's history gains the DRAMM hearing and, while
/// the decision is to refer, the MARAC referral, so later repeats are recognised. MARAC takes victims aged 16 or over only.
/// </summary>
public sealed class DrammOutcomes(SafeguardDbContext db, AuditTrail audit, AuditContext actor, PersonService people, Marac.MaracIntake marac, TimeProvider clock)
{
    public const string StaleMessage = "Someone else recorded this case's outcome while you were working on it. Check it and try again.";
    public const int MaracMinimumAge = 16;

    public async Task<Result<DrammCase>> RecordAsync(int caseId, OutcomeInput input, CancellationToken ct = default)
    {
        var item = await db.DrammCases.FirstAsync(c => c.Id == caseId, ct);
        var meeting = await db.DrammMeetings.AsNoTracking().FirstAsync(m => m.Id == item.MeetingId, ct);
        var errors = new List<FieldError>();
        if (item.Version != input.Version)
        {
            return Result<DrammCase>.Fail(new FieldError("ChildrenConfirmed", StaleMessage));
        }

        if (!item.OnList)
        {
            return Result<DrammCase>.Fail(new FieldError("ChildrenConfirmed", "This case is not on the list, so no outcome can be recorded"));
        }

        if (clock.GetUtcNow().UtcDateTime < meeting.ReleaseByUtc)
        {
            return Result<DrammCase>.Fail(new FieldError("ChildrenConfirmed", "The cases have not been released yet, so the meeting cannot have discussed this one"));
        }

        if (input.ChildrenConfirmed is null)
        {
            errors.Add(new("ChildrenConfirmed", "Select whether the children linked were confirmed"));
        }

        if (input.DetailsConfirmed is null)
        {
            errors.Add(new("DetailsConfirmed", "Select whether the names, dates of birth and addresses were confirmed"));
        }

        if (input.AgreedRisk is null)
        {
            errors.Add(new("AgreedRisk", "Select the risk level the meeting agreed"));
        }

        var riskWhy = Text(input.RiskRationale, "RiskRationale", "why the meeting agreed this risk level", errors);
        if (input.Decision is null)
        {
            errors.Add(new("Decision", "Select whether the case is referred to MARAC"));
        }

        var decisionWhy = Text(input.DecisionRationale, "DecisionRationale", "the reason for the MARAC decision", errors);
        var victim = await VictimAsync(item, ct);
        if (input.Decision is { } d && d != MaracDecision.NotReferred && victim?.DateOfBirth is DateOnly born
            && AgeOn(born, meeting.Date) < MaracMinimumAge)
        {
            errors.Add(new("Decision", $"MARAC takes victims aged {MaracMinimumAge} or over, and this victim is {AgeOn(born, meeting.Date)}: refer them to children's safeguarding instead"));
        }

        if (await PlacedConflictAsync(item.Id, input.Decision, ct) is { } placed)
        {
            errors.Add(placed);
        }

        if (errors.Count > 0)
        {
            return Result<DrammCase>.Fail(errors);
        }

        var firstTime = item.OutcomeRecordedAt is null;
        await using var write = await audit.BeginAsync(ct);
        item.ChildrenConfirmed = input.ChildrenConfirmed;
        item.DetailsConfirmed = input.DetailsConfirmed;
        item.AgreedRisk = input.AgreedRisk;
        item.RiskRationale = riskWhy;
        item.Decision = input.Decision;
        item.DecisionRationale = decisionWhy;
        item.OutcomeRecordedAt = clock.GetUtcNow().UtcDateTime;
        item.OutcomeRecordedByUserId = actor.ActorUserId;
        item.Version++;
        if (victim is not null)
        {
            if (firstTime)
            {
                await people.RecordInvolvementAsync(Involvement(victim.Id, meeting, item, InvolvementKind.DrammHearing), write, ct);
            }

            // The victim's history follows the decision as it now stands: a MARAC referral when referred, none when
            // not, so a later incident is a repeat exactly when this meeting referred her.
            var referral = await db.PersonInvolvements.FirstOrDefaultAsync(i => i.PersonId == victim.Id && i.Kind == InvolvementKind.MaracReferral
                && i.Reference == item.Reference && i.OccurredAt == meeting.MeetsAtUtc, ct);
            if (input.Decision != MaracDecision.NotReferred && referral is null)
            {
                await people.RecordInvolvementAsync(Involvement(victim.Id, meeting, item, InvolvementKind.MaracReferral), write, ct);
            }
            else if (input.Decision == MaracDecision.NotReferred && referral is not null)
            {
                db.PersonInvolvements.Remove(referral);
            }
        }

        try
        {
            // Checked again inside the write: a MARAC agenda built since the first check must not be contradicted.
            if (await PlacedConflictAsync(item.Id, input.Decision, ct) is { } placedSince)
            {
                db.ChangeTracker.Clear();
                return Result<DrammCase>.Fail(placedSince);
            }

            // The MARAC's queue follows the decision too: referred in the category decided, or taken back if not referred.
            if (input.Decision is { } decided && decided != MaracDecision.NotReferred)
            {
                await marac.ReferAsync(new(meeting.AreaId, Marac.MaracReferralSource.Dramm, CategoryOf(decided), meeting.MeetsAtUtc, item.Reference,
                    DrammCaseId: item.Id, ReferralId: item.Record == CaseRecord.Referral ? item.RecordId : null,
                    DisclosureApplicationId: item.Record == CaseRecord.DisclosureApplication ? item.RecordId : null,
                    VictimPersonId: victim?.Id, ChildrenLinked: input.ChildrenConfirmed ?? item.ChildrenLinked), write, ct);
            }
            else
            {
                await marac.WithdrawAsync(null, item.Id, null, write, ct);
            }

            write.Record("dramm.outcome-recorded", "DrammMeeting", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                summary: item.Reference, after: new { Risk = item.AgreedRisk?.ToString(), Decision = item.Decision?.ToString(), item.ChildrenConfirmed, item.DetailsConfirmed });
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<DrammCase>.Fail(new FieldError("ChildrenConfirmed", StaleMessage));
        }

        return Result<DrammCase>.Ok(item);
    }

    private static PersonInvolvement Involvement(int personId, DrammMeeting meeting, DrammCase item, InvolvementKind kind) => new()
    {
        PersonId = personId, AreaId = meeting.AreaId, Kind = kind, Role = CaseRole.Victim, OccurredAt = meeting.MeetsAtUtc,
        Reference = item.Reference, RiskLevel = item.AgreedRisk,
    };

    /// <summary>The case's victim in the person index: the referral's or incident's victim, or the Clare's Law application's person at risk.</summary>
    private async Task<Person?> VictimAsync(DrammCase item, CancellationToken ct)
    {
        int? personId = item.Record switch
        {
            CaseRecord.Referral => await db.ReferralPeople.Where(p => p.ReferralId == item.RecordId && p.Role == ReferralRole.Victim)
                .Select(p => (int?)p.PersonId).FirstOrDefaultAsync(ct),
            CaseRecord.DisclosureApplication => await db.ApplicationPeople.Where(p => p.ApplicationId == item.RecordId && p.Role == ApplicationRole.PersonAtRisk)
                .Select(p => (int?)p.PersonId).FirstOrDefaultAsync(ct),
            CaseRecord.PoliceIncident => await db.PoliceIncidents.Where(i => i.Id == item.RecordId).Select(i => (int?)i.VictimPersonId).FirstOrDefaultAsync(ct),
            _ => null,
        };
        return personId is null ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
    }

    /// <summary>
    /// Once the case is on a MARAC agenda, the DRAMM's decision can no longer be taken back or its category changed
    /// here: the agenda (and perhaps the pack the agencies read) already says otherwise.
    /// </summary>
    private async Task<FieldError?> PlacedConflictAsync(int caseId, MaracDecision? decision, CancellationToken ct)
    {
        var placed = await db.MaracReferrals.AsNoTracking().Where(r => r.DrammCaseId == caseId && r.MeetingId != null)
            .Select(r => new { r.Category }).FirstOrDefaultAsync(ct);
        if (placed is null || decision is null)
        {
            return null;
        }

        if (decision == MaracDecision.NotReferred)
        {
            return new("Decision", "This case is already on a MARAC agenda: ask the MARAC co-ordinator to take it off before changing the decision");
        }

        return CategoryOf(decision.Value) == placed.Category
            ? null
            : new("Decision", $"This case is already on a MARAC agenda as {Marac.MaracNames.Of(placed.Category).ToLowerInvariant()}: ask the MARAC co-ordinator before changing the kind of discussion");
    }

    private static Marac.MaracCategory CategoryOf(MaracDecision d) => d switch
    {
        MaracDecision.InformationOnly => Marac.MaracCategory.InformationOnly,
        MaracDecision.SignificantUpdate => Marac.MaracCategory.SignificantUpdate,
        _ => Marac.MaracCategory.FullDiscussion,
    };

    private static int AgeOn(DateOnly born, DateOnly on) => on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);

    private static string? Text(string? value, string field, string label, List<FieldError> errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            errors.Add(new(field, $"Enter {label}"));
        }
        else if (text.Length > 4000)
        {
            errors.Add(new(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be 4000 characters or fewer"));
        }

        return text;
    }
}
