using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Marac;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Marac;

/// <summary>Referral fixture plus helpers to queue cases for area A's MARAC and set up its meetings (default schedule).</summary>
public abstract class MaracFixture : ReferralFixture
{
    /// <summary>Thursday 10 December 2026: the default schedule's first meeting after the fixture's 30 November.</summary>
    protected static readonly DateOnly Thursday = new(2026, 12, 10);

    protected async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected async Task<MaracReferral> ReferAsync(string reference, MaracCategory category, DateTime referredAt, int? victim = null, int? referralId = null,
        MaracReferralSource source = MaracReferralSource.PartnerReferral, int? area = null)
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
        var referral = await scope.ServiceProvider.GetRequiredService<MaracIntake>()
            .ReferAsync(new MaracReferralInput(area ?? Org.AreaA, source, category, referredAt, reference, ReferralId: referralId, VictimPersonId: victim), write);
        await write.CommitAsync();
        return referral;
    }

    protected async Task<MaracMeeting> SetUpAsync(DateOnly date)
    {
        var result = await WithAsync<Result<MaracMeeting>, MaracMeetings>(m => m.SetUpAsync(Org.AreaA, date));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    protected async Task<MaracMeeting> BuildAsync(int meetingId)
    {
        var result = await WithAsync<Result<MaracMeeting>, MaracAgenda>(a => a.BuildAsync(meetingId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    protected Task<List<string>> AgendaAsync(int meetingId) =>
        Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.MaracCases.Where(c => c.MeetingId == meetingId).OrderBy(c => c.Position).Select(c => c.Reference)));

    protected static DateTime On(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);
}
