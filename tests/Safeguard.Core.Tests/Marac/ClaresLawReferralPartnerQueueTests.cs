using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Marac;

/// <summary>A partner's referral to MARAC without the DRAMM: added to the queue by the co-ordinator, never twice.</summary>
public sealed class ClaresLawReferralPartnerQueueTests : ReferralFixture
{
    private async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<Result<MaracReferral>> AddAsync(int referralId, MaracCategory? category, int version) =>
        WithAsync<Result<MaracReferral>, PartnerReferrals>(p => p.AddAsync(referralId, category, version));

    /// <summary>A referral whose DASH (14 yes answers) routed it to MARAC.</summary>
    private async Task<(Referral Referral, int Victim)> RoutedAsync(ReferralKind kind = ReferralKind.AgencyReferral)
    {
        var (referral, victim) = await WithVictimAsync(kind: kind);
        var assessed = await AssessAsync(referral.Id, 14);
        Assert.True(assessed.Succeeded, string.Join("; ", assessed.Errors));
        var routed = await ReloadAsync(referral.Id);
        Assert.Equal(ReferralRouting.Marac, routed.Routing);
        return (routed, victim);
    }

    [Fact]
    public async Task A_referral_routed_to_MARAC_is_queued_in_the_chosen_category_once()
    {
        var (referral, victim) = await RoutedAsync();

        var added = await AddAsync(referral.Id, MaracCategory.SignificantUpdate, referral.Version);

        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        var entry = Assert.Single(await Db(db => db.MaracReferrals.AsNoTracking().ToListAsync()));
        Assert.Equal((MaracReferralSource.PartnerReferral, MaracCategory.SignificantUpdate, (int?)referral.Id, (int?)victim, referral.Reference),
            (entry.Source, entry.Category, entry.ReferralId, entry.VictimPersonId, entry.Reference));
        Assert.Single(await Db(db => db.AuditEvents.Where(e => e.Action == "referral.marac-queued" && e.RecordId == referral.Id.ToString()).ToListAsync()));
        Assert.Contains("Added to the MARAC queue", await Db(db => db.ReferralEvents.Where(e => e.ReferralId == referral.Id).Select(e => e.Title).ToListAsync()));

        var again = await AddAsync(referral.Id, MaracCategory.FullDiscussion, referral.Version + 1);
        AssertError(again, "Category");
        Assert.Contains("already in the MARAC queue", again.Errors.Single().Message);
        Assert.Equal(MaracCategory.SignificantUpdate, (await Db(db => db.MaracReferrals.SingleAsync())).Category);
    }

    [Theory]
    [InlineData(ReferralKind.Repeat, MaracReferralSource.Repeat)]
    [InlineData(ReferralKind.MaracTransferIn, MaracReferralSource.TransferIn)]
    [InlineData(ReferralKind.PoliceIncidentHigh, MaracReferralSource.PartnerReferral)]
    public async Task The_source_follows_the_kind_of_referral(ReferralKind kind, MaracReferralSource source)
    {
        Assert.Equal(source, PartnerReferrals.SourceOf(kind));
        var (referral, _) = await RoutedAsync(kind);
        var added = await AddAsync(referral.Id, MaracCategory.FullDiscussion, referral.Version);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        Assert.Equal(source, added.Value!.Source);
    }

    [Fact]
    public async Task A_referral_not_routed_to_MARAC_a_stale_form_and_no_category_are_refused()
    {
        var (waiting, _) = await WithVictimAsync();
        var notRouted = await AddAsync(waiting.Id, MaracCategory.FullDiscussion, (await ReloadAsync(waiting.Id)).Version);
        AssertError(notRouted, "Category");
        Assert.Equal(PartnerReferrals.NotRoutedMessage, notRouted.Errors.Single().Message);

        var (routed, _) = await RoutedAsync();
        AssertError(await AddAsync(routed.Id, MaracCategory.FullDiscussion, routed.Version - 1), "Category");
        AssertError(await AddAsync(routed.Id, null, routed.Version), "Category");
        AssertError(await AddAsync(routed.Id, MaracCategory.ClaresLaw, routed.Version), "Category");
        Assert.Equal(0, await Db(db => db.MaracReferrals.CountAsync()));
    }

    [Fact]
    public async Task A_case_the_DRAMM_already_referred_is_shown_as_queued_and_not_doubled()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var (referral, _) = await RoutedAsync();
        var meeting = (await WithAsync<Result<DrammMeeting>, DrammLists>(l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1)))).Value!;
        var listed = meeting.Cases.Single(c => c.Record == CaseRecord.Referral && c.RecordId == referral.Id);
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));
        var decided = await WithAsync<Result<DrammCase>, DrammOutcomes>(o => o.RecordAsync(listed.Id,
            new OutcomeInput(true, true, RiskLevel.High, "Agreed high", MaracDecision.InformationOnly, "Known to MARAC", listed.Version)));
        Assert.True(decided.Succeeded, string.Join("; ", decided.Errors));

        var queued = await WithAsync<MaracReferral?, PartnerReferrals>(p => p.QueuedAsync(referral));
        Assert.Equal(MaracReferralSource.Dramm, queued!.Source);
        var refused = await AddAsync(referral.Id, MaracCategory.FullDiscussion, (await ReloadAsync(referral.Id)).Version);

        AssertError(refused, "Category");
        Assert.Contains("DRAMM", refused.Errors.Single().Message);
        var entry = Assert.Single(await Db(db => db.MaracReferrals.AsNoTracking().ToListAsync()));
        Assert.Equal((MaracReferralSource.Dramm, MaracCategory.InformationOnly), (entry.Source, entry.Category));
    }
}
