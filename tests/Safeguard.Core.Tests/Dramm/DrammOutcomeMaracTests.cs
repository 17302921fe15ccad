using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Dramm;

/// <summary>
/// A DRAMM decision and the MARAC queue: a decision to refer queues the case in its category, a changed category
/// follows, "not referred" takes it back, and once the case is placed on a MARAC meeting the decision can no longer be undone.
/// </summary>
public sealed class DrammOutcomeMaracTests : ReferralFixture
{
    private async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<(DrammCase Case, Referral Referral, int Victim)> ListedAsync()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var (referral, victim) = await WithVictimAsync(kind: ReferralKind.MaracTransferIn);
        var meeting = (await WithAsync<Result<DrammMeeting>, DrammLists>(l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1)))).Value!;
        // After the 10:00 release, during the meeting.
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));
        return (meeting.Cases.Single(c => c.RecordId == referral.Id), referral, victim);
    }

    private static OutcomeInput Decided(int version, MaracDecision decision) =>
        new(true, true, RiskLevel.High, "Strangulation last week and separation", decision, "Meets visible high risk", version);

    private Task<Result<DrammCase>> RecordAsync(int caseId, OutcomeInput input) =>
        WithAsync<Result<DrammCase>, DrammOutcomes>(o => o.RecordAsync(caseId, input));

    private Task<List<MaracReferral>> QueueAsync() => Db(db => db.MaracReferrals.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    private Task<List<string>> AuditAsync(string action) =>
        Db(db => db.AuditEvents.Where(e => e.Action == action).OrderBy(e => e.Sequence).Select(e => e.RecordId!).ToListAsync());

    [Fact]
    public async Task A_decision_to_refer_queues_the_case_in_its_category_and_a_change_of_category_follows()
    {
        var (listed, referral, victim) = await ListedAsync();

        var referred = await RecordAsync(listed.Id, Decided(listed.Version, MaracDecision.InformationOnly));
        Assert.True(referred.Succeeded, string.Join("; ", referred.Errors));
        var entry = Assert.Single(await QueueAsync());
        Assert.Equal((MaracReferralSource.Dramm, MaracCategory.InformationOnly, Org.AreaA), (entry.Source, entry.Category, entry.AreaId));
        Assert.Equal((listed.Id, referral.Id, victim, (int?)null), (entry.DrammCaseId, entry.ReferralId, entry.VictimPersonId, entry.MeetingId));
        Assert.Equal(listed.Reference, entry.Reference);
        Assert.Equal([entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], await AuditAsync("marac.referred"));

        var changed = await RecordAsync(listed.Id, Decided(referred.Value!.Version, MaracDecision.FullDiscussion));
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var after = Assert.Single(await QueueAsync());
        Assert.Equal((entry.Id, MaracCategory.FullDiscussion), (after.Id, after.Category));
        Assert.Single(await AuditAsync("marac.referral-changed"));
    }

    [Fact]
    public async Task Changing_the_decision_to_not_referred_takes_the_case_out_of_the_queue()
    {
        var (listed, _, _) = await ListedAsync();
        var referred = await RecordAsync(listed.Id, Decided(listed.Version, MaracDecision.SignificantUpdate));
        Assert.True(referred.Succeeded, string.Join("; ", referred.Errors));
        Assert.Equal(MaracCategory.SignificantUpdate, Assert.Single(await QueueAsync()).Category);

        var withdrawn = await RecordAsync(listed.Id, Decided(referred.Value!.Version, MaracDecision.NotReferred));
        Assert.True(withdrawn.Succeeded, string.Join("; ", withdrawn.Errors));
        Assert.Empty(await QueueAsync());
        Assert.Single(await AuditAsync("marac.referral-withdrawn"));
    }

    [Fact]
    public async Task Once_the_case_is_placed_on_a_meeting_not_referred_is_refused_and_nothing_changes()
    {
        var (listed, _, _) = await ListedAsync();
        var referred = await RecordAsync(listed.Id, Decided(listed.Version, MaracDecision.FullDiscussion));
        Assert.True(referred.Succeeded, string.Join("; ", referred.Errors));
        await Db(async db =>
        {
            var meeting = new MaracMeeting
            {
                AreaId = Org.AreaA, Date = new DateOnly(2026, 12, 10), StartsAtUtc = new DateTime(2026, 12, 10, 9, 30, 0, DateTimeKind.Utc),
                PackReleaseByUtc = new DateTime(2026, 12, 4, 17, 0, 0, DateTimeKind.Utc), CreatedAt = Host.Clock.GetUtcNow().UtcDateTime, Version = 1,
            };
            db.MaracMeetings.Add(meeting);
            await db.SaveChangesAsync();
            (await db.MaracReferrals.SingleAsync()).MeetingId = meeting.Id;
            return await db.SaveChangesAsync();
        });

        var refused = await RecordAsync(listed.Id, Decided(referred.Value!.Version, MaracDecision.NotReferred));
        AssertError(refused, "Decision");
        Assert.Contains("already on a MARAC agenda", refused.Errors.Single().Message);
        Assert.NotNull(Assert.Single(await QueueAsync()).MeetingId);
        var saved = await Db(db => db.DrammCases.AsNoTracking().SingleAsync(c => c.Id == listed.Id));
        Assert.Equal(MaracDecision.FullDiscussion, saved.Decision);
        Assert.Equal(referred.Value.Version, saved.Version);
        Assert.Empty(await AuditAsync("marac.referral-withdrawn"));

        var recategorised = await RecordAsync(listed.Id, Decided(referred.Value!.Version, MaracDecision.InformationOnly));
        AssertError(recategorised, "Decision");
        Assert.Contains("already on a MARAC agenda as full discussion", recategorised.Errors.Single().Message);
        Assert.Equal(MaracCategory.FullDiscussion, Assert.Single(await QueueAsync()).Category);
    }

    [Fact]
    public async Task Not_referred_by_the_dramm_leaves_a_case_a_partner_queued_in_the_queue_in_the_partner_s_category()
    {
        var (listed, referral, victim) = await ListedAsync();
        using (var scope = Host.Scope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
            await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
            await scope.ServiceProvider.GetRequiredService<MaracIntake>().ReferAsync(
                new(Org.AreaA, MaracReferralSource.TransferIn, MaracCategory.SignificantUpdate, Host.Clock.GetUtcNow().UtcDateTime, referral.Reference,
                    ReferralId: referral.Id, VictimPersonId: victim), write);
            await write.CommitAsync();
        }

        var referred = await RecordAsync(listed.Id, Decided(listed.Version, MaracDecision.FullDiscussion));
        Assert.True(referred.Succeeded, string.Join("; ", referred.Errors));
        var shared = Assert.Single(await QueueAsync());
        Assert.Equal((MaracReferralSource.TransferIn, MaracCategory.FullDiscussion, (int?)listed.Id), (shared.Source, shared.Category, shared.DrammCaseId));

        var notReferred = await RecordAsync(listed.Id, Decided(referred.Value!.Version, MaracDecision.NotReferred));
        Assert.True(notReferred.Succeeded, string.Join("; ", notReferred.Errors));
        var kept = Assert.Single(await QueueAsync());
        Assert.Equal((shared.Id, MaracReferralSource.TransferIn, (int?)null), (kept.Id, kept.Source, kept.DrammCaseId));
        Assert.Empty(await AuditAsync("marac.referral-withdrawn"));
    }
}
