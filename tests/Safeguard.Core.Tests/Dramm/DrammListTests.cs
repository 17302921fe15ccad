using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Dramm;

/// <summary>
/// Tuesday 1 December 2026's list in area A: it takes what was recorded after Monday's 11:00 release and by
/// Tuesday's 10:00 (GMT), judges each by the rules and orders it as the protocol says.
/// </summary>
public sealed class DrammListTests : ReferralFixture
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    private async Task<T> ListsAsync<T>(Func<DrammLists, Task<T>> call)
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await call(scope.ServiceProvider.GetRequiredService<DrammLists>());
    }

    private void At(int day, int hour, int minute = 0) => Host.Clock.Set(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.Zero));

    private async Task<Referral> WithChildAsync(Referral referral)
    {
        var child = await PersonAsync("Casey", "Testcase", new DateOnly(2019, 1, 1));
        Assert.True((await As(s => s.AddPersonAsync(referral.Id, child, ReferralRole.Child, "Northtown Primary"))).Succeeded);
        return referral;
    }

    [Fact]
    public async Task The_list_takes_the_windows_referrals_in_the_protocols_order_with_a_reason_for_each()
    {
        At(30, 10, 30); // before Monday's release: Monday's list, not Tuesday's
        var early = (await WithVictimAsync(kind: ReferralKind.PoliceIncidentHigh)).Referral;
        Assert.True((await AssessAsync(early.Id, 15)).Succeeded); // high: a MARAC referral on the victim's history

        At(30, 12);
        var highWithChild = await WithChildAsync((await WithVictimAsync()).Referral);
        Assert.True((await AssessAsync(highWithChild.Id, 16)).Succeeded);
        var mediumConsented = (await WithVictimAsync(kind: ReferralKind.PoliceIncidentMedium)).Referral;
        var transfer = (await WithVictimAsync(kind: ReferralKind.MaracTransferIn)).Referral;
        var unassessed = (await WithVictimAsync()).Referral;
        At(30, 14);
        var child = (await WithVictimAsync(born: new DateOnly(2012, 3, 3))).Referral; // under 16: children's safeguarding, never DRAMM
        var repeatVictim = (await ReloadAsync(early.Id)).People.Single(p => p.Role == ReferralRole.Victim).PersonId;
        var repeat = (await WithVictimAsync(victim: repeatVictim)).Referral;
        At(30, 23);

        var prepared = await ListsAsync(l => l.PrepareAsync(Org.AreaA, Tuesday));

        Assert.True(prepared.Succeeded, string.Join("; ", prepared.Errors));
        var meeting = prepared.Value!;
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc), meeting.WindowFromUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 11, 30, 0, DateTimeKind.Utc), meeting.MeetsAtUtc);
        var onList = meeting.Cases.Where(c => c.OnList).OrderBy(c => c.Position).Select(c => (c.Reference, c.Group)).ToList();
        Assert.Equal(
            [
                (highWithChild.Reference, AgendaGroup.ChildrenThirdParty),
                (mediumConsented.Reference, AgendaGroup.NoChildrenPoliceMedium),
                (transfer.Reference, AgendaGroup.NoChildrenTransfer),
                (repeat.Reference, AgendaGroup.MaracRepeats),
            ],
            onList);
        var left = Assert.Single(meeting.Cases, c => !c.OnList);
        Assert.Equal(unassessed.Reference, left.Reference);
        Assert.Equal("Partner referrals come to DRAMM at high risk, and this one is not", left.Reason);
        Assert.DoesNotContain(meeting.Cases, c => c.Reference == early.Reference || c.Reference == child.Reference);
        Assert.Equal("Medium-risk police incident; the victim consented to sharing", meeting.Cases.Single(c => c.Reference == mediumConsented.Reference).Reason);
    }

    [Fact]
    public async Task The_coordinator_adds_and_removes_with_a_reason_and_preparing_again_keeps_their_decisions_and_adds_new_cases()
    {
        At(30, 12);
        var unassessed = (await WithVictimAsync()).Referral;
        var transfer = (await WithVictimAsync(kind: ReferralKind.MaracTransferIn)).Referral;
        var meeting = (await ListsAsync(l => l.PrepareAsync(Org.AreaA, Tuesday))).Value!;
        var left = meeting.Cases.Single(c => c.Reference == unassessed.Reference);
        var listed = meeting.Cases.Single(c => c.Reference == transfer.Reference);

        var noReason = await ListsAsync(l => l.SetOnListAsync(left.Id, true, "  "));
        AssertError(noReason, "Reason");
        var added = await ListsAsync(l => l.SetOnListAsync(left.Id, true, "The IDVA is worried: the partner is due out of prison"));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        Assert.Equal(AgendaGroup.NoChildrenThirdParty, added.Value!.Group);
        var removed = await ListsAsync(l => l.SetOnListAsync(listed.Id, false, "Heard at yesterday's meeting"));
        Assert.True(removed.Succeeded);

        At(30, 18);
        var later = (await WithVictimAsync(kind: ReferralKind.MaracTransferIn)).Referral;
        var again = (await ListsAsync(l => l.PrepareAsync(Org.AreaA, Tuesday))).Value!;
        Assert.Equal(3, again.Cases.Count);
        Assert.True(again.Cases.Single(c => c.Reference == unassessed.Reference).OnList);
        Assert.False(again.Cases.Single(c => c.Reference == transfer.Reference).OnList);
        Assert.Equal("Heard at yesterday's meeting", again.Cases.Single(c => c.Reference == transfer.Reference).OverruledReason);
        Assert.True(again.Cases.Single(c => c.Reference == later.Reference).OnList);
        Assert.Equal([1, 2], again.Cases.Where(c => c.OnList).Select(c => c.Position).Order());
        Assert.Equal(3, await Db(db => db.AuditEvents.CountAsync(e => e.Action.StartsWith("dramm.list-prepared") || e.Action == "dramm.case-removed")));
    }

    [Fact]
    public async Task No_list_on_a_day_without_a_meeting_and_no_change_once_the_meeting_has_started()
    {
        var saturday = await ListsAsync(l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 5)));
        AssertError(saturday, "Date");

        At(30, 12);
        var transfer = (await WithVictimAsync(kind: ReferralKind.MaracTransferIn)).Referral;
        var meeting = (await ListsAsync(l => l.PrepareAsync(Org.AreaA, Tuesday))).Value!;
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 30, 0, TimeSpan.Zero));
        AssertError(await ListsAsync(l => l.PrepareAsync(Org.AreaA, Tuesday)), "Date");
        AssertError(await ListsAsync(l => l.SetOnListAsync(meeting.Cases.Single().Id, false, "Too late")), "Reason");
        Assert.True(await Db(db => db.DrammCases.AnyAsync(c => c.Reference == transfer.Reference && c.OnList)));
    }

    [Fact]
    public async Task The_next_list_starts_where_the_last_prepared_one_ended_even_after_the_times_change()
    {
        At(30, 9);
        var monday = (await ListsAsync(l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 11, 30)))).Value!;
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc), monday.WindowToUtc);

        // Monday's release moves to 12:00 after Monday's list was made: Tuesday's list still starts at 11:00.
        var week = DrammSettings.Week.Select(d => d switch
        {
            DayOfWeek.Monday => new DrammDayInput(d, true, "12:00", "13:00"),
            DayOfWeek.Saturday or DayOfWeek.Sunday => new DrammDayInput(d, false, null, null),
            _ => new DrammDayInput(d, true, "10:00", "11:30"),
        }).ToList();
        using (var scope = Host.Scope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
            Assert.True((await scope.ServiceProvider.GetRequiredService<DrammSettings>().SaveAsync(Org.AreaA, week)).Succeeded);
        }

        var tuesday = (await ListsAsync(l => l.PrepareAsync(Org.AreaA, Tuesday))).Value!;
        Assert.Equal(monday.WindowToUtc, tuesday.WindowFromUtc);
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "dramm.list-prepared" && e.RecordId == monday.Id.ToString())));

        // A meeting that has already started cannot have its list made for the first time.
        At(30, 14);
        AssertError(await ListsAsync(l => l.PrepareAsync(Org.AreaB, new DateOnly(2026, 11, 30))), "Date");
    }
}
