using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Dramm;

/// <summary>What the meeting agreed on a case of Tuesday 1 December 2026's list, released at 10:00.</summary>
public sealed class DrammOutcomeTests : ReferralFixture
{
    private async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<(DrammCase Case, int Victim)> ListedAsync()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var (referral, victim) = await WithVictimAsync(kind: ReferralKind.MaracTransferIn);
        var meeting = (await WithAsync<Safeguard.Core.Common.Result<DrammMeeting>, DrammLists>(l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1)))).Value!;
        return (meeting.Cases.Single(c => c.RecordId == referral.Id), victim);
    }

    private static OutcomeInput Agreed(int version, MaracDecision decision = MaracDecision.FullDiscussion) =>
        new(true, true, RiskLevel.High, "Strangulation last week and separation", decision, "Meets visible high risk and professional judgement", version);

    private Task<Safeguard.Core.Common.Result<DrammCase>> RecordAsync(int caseId, OutcomeInput input) =>
        WithAsync<Safeguard.Core.Common.Result<DrammCase>, DrammOutcomes>(o => o.RecordAsync(caseId, input));

    [Fact]
    public async Task The_outcome_is_recorded_and_the_victims_history_gains_the_hearing_and_the_marac_referral_once()
    {
        var (listed, victim) = await ListedAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));

        var recorded = await RecordAsync(listed.Id, Agreed(listed.Version));
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Errors));
        var changed = await RecordAsync(listed.Id, Agreed(recorded.Value!.Version, MaracDecision.SignificantUpdate));
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));

        // Adding her to the referral recorded the referral itself; the meeting adds one hearing and one MARAC referral, however often it is changed.
        var kinds = await Db(db => db.PersonInvolvements.Where(i => i.PersonId == victim && i.Reference == listed.Reference).Select(i => i.Kind).ToListAsync());
        Assert.Equal([InvolvementKind.Referral, InvolvementKind.MaracReferral, InvolvementKind.DrammHearing], kinds.Order());
        var saved = await Db(db => db.DrammCases.SingleAsync(c => c.Id == listed.Id));
        Assert.Equal(MaracDecision.SignificantUpdate, saved.Decision);
        Assert.Equal(RiskLevel.High, saved.AgreedRisk);
        Assert.Equal(2, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "dramm.outcome-recorded")));

        var stale = await RecordAsync(listed.Id, Agreed(listed.Version, MaracDecision.NotReferred));
        AssertError(stale, "ChildrenConfirmed");
        Assert.Equal(MaracDecision.SignificantUpdate, (await Db(db => db.DrammCases.SingleAsync(c => c.Id == listed.Id))).Decision);

        // Changed to "not referred": the MARAC referral leaves her history, so no later incident counts as a repeat of it.
        var notReferred = await RecordAsync(listed.Id, Agreed(changed.Value!.Version, MaracDecision.NotReferred));
        Assert.True(notReferred.Succeeded, string.Join("; ", notReferred.Errors));
        Assert.False(await Db(db => db.PersonInvolvements.AnyAsync(i => i.PersonId == victim && i.Kind == InvolvementKind.MaracReferral && i.Reference == listed.Reference)));
        Assert.True(await Db(db => db.PersonInvolvements.AnyAsync(i => i.PersonId == victim && i.Kind == InvolvementKind.DrammHearing && i.Reference == listed.Reference)));
    }

    [Fact]
    public async Task Every_missing_answer_is_named_and_nothing_is_saved()
    {
        var (listed, _) = await ListedAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));

        var result = await RecordAsync(listed.Id, new OutcomeInput(null, null, null, " ", null, null, listed.Version));

        Assert.Equal(["ChildrenConfirmed", "DetailsConfirmed", "AgreedRisk", "RiskRationale", "Decision", "DecisionRationale"], result.Errors.Select(e => e.Field));
        Assert.Null((await Db(db => db.DrammCases.SingleAsync(c => c.Id == listed.Id))).OutcomeRecordedAt);
    }

    [Fact]
    public async Task Nothing_before_the_release_and_no_marac_referral_for_a_victim_under_16()
    {
        var (listed, victim) = await ListedAsync();
        AssertError(await RecordAsync(listed.Id, Agreed(listed.Version)), "ChildrenConfirmed");

        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));
        // The victim's date of birth corrected after the list was made: she is 15 on the day of the meeting.
        await Db(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == victim);
            person.DateOfBirth = new DateOnly(2010, 12, 2);
            return await db.SaveChangesAsync();
        });
        var refused = await RecordAsync(listed.Id, Agreed(listed.Version));
        AssertError(refused, "Decision");
        Assert.Contains("MARAC takes victims aged 16 or over, and this victim is 15", refused.Errors.Single().Message);
        Assert.False(await Db(db => db.PersonInvolvements.AnyAsync(i => i.PersonId == victim && i.Kind == InvolvementKind.MaracReferral && i.Reference == listed.Reference)));

        var notReferred = await RecordAsync(listed.Id, Agreed(listed.Version, MaracDecision.NotReferred));
        Assert.True(notReferred.Succeeded, string.Join("; ", notReferred.Errors));
    }
}
