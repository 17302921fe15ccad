using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>The deadlines stored on the application: the whole process, and the next clock still running after each stage.</summary>
public sealed class ApplicationClockTests : DisclosureFixture
{
    private static DateTime Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    private DateTime Received => Start.UtcDateTime.AddHours(-2); // 08:00 GMT on Sunday 22 November 2026

    private static void AssertNext(DisclosureApplication app, ClockKind? kind, DateTime? due)
    {
        Assert.Equal(kind, app.NextClock);
        Assert.Equal(due, app.NextDueAt);
    }

    [Fact]
    public async Task DVDS_runs_initial_checks_for_24_hours_then_the_28_day_whole_process()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        var endToEnd = Utc(2026, 12, 21); // the end of 20 December, London time (GMT)
        Assert.Equal(endToEnd, app.DueAt);
        AssertNext(app, ClockKind.InitialChecks, Received.AddHours(24));

        AssertNext(await WalkToAsync(app.Id, DisclosureStage.CriteriaReview), ClockKind.InitialChecks, Received.AddHours(24));
        foreach (var stage in new[] { DisclosureStage.FaceToFace, DisclosureStage.Research, DisclosureStage.Decision, DisclosureStage.Disclosure })
        {
            var moved = await WalkToAsync(app.Id, stage);
            AssertNext(moved, ClockKind.EndToEnd, endToEnd);
            Assert.Equal(endToEnd, moved.DueAt);
        }

        var closed = await WalkToAsync(app.Id, DisclosureStage.Closed);
        AssertNext(closed, null, null);
        Assert.Equal(endToEnd, closed.DueAt);
    }

    [Fact]
    public async Task CSODS_Right_to_Ask_runs_24_hours_10_days_28_days_then_45_days()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Csods, Route.RightToAsk);
        Assert.Equal(Utc(2027, 1, 7), app.DueAt);
        AssertNext(app, ClockKind.InitialChecks, Received.AddHours(24));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.CriteriaReview), ClockKind.InitialChecks, Received.AddHours(24));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.FaceToFace), ClockKind.Interview, Utc(2026, 12, 3));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.Research), ClockKind.FullAssessment, Utc(2026, 12, 21));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.Decision), ClockKind.EndToEnd, Utc(2027, 1, 7));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.Disclosure), ClockKind.EndToEnd, Utc(2027, 1, 7));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.Closed), null, null);
    }

    [Fact]
    public async Task CSODS_Right_to_Know_has_no_interview_clock()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Csods, Route.RightToKnow);
        AssertNext(app, ClockKind.InitialChecks, Received.AddHours(24));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.Research), ClockKind.FullAssessment, Utc(2026, 12, 21));
        AssertNext(await WalkToAsync(app.Id, DisclosureStage.Decision), ClockKind.EndToEnd, Utc(2027, 1, 7));
    }

    [Fact]
    public async Task Early_closure_stops_every_clock()
    {
        var app = await CreateAsync(Scheme.Csods, Route.RightToAsk);
        await As(Supervisor, s => s.CloseEarlyAsync(app.Id, app.Version, new(DisclosureOutcome.UnableToContact, "Three attempts")));
        var closed = await ReloadAsync(app.Id);
        AssertNext(closed, null, null);
        Assert.Equal(Utc(2027, 1, 7), closed.DueAt);
    }

    [Fact]
    public async Task A_working_day_clock_skips_weekends_and_the_Christmas_bank_holidays()
    {
        await Db(async db =>
        {
            var clock = await db.DisclosureClocks.SingleAsync(c => c.Kind == ClockKind.EndToEnd
                && db.DisclosureSchemes.Any(s => s.Id == c.SchemeId && s.Scheme == Scheme.Dvds && s.Route == Route.RightToAsk));
            clock.Amount = 10;
            clock.Unit = ClockUnit.WorkingDays;
            return await db.SaveChangesAsync();
        });
        Host.Clock.Set(new DateTimeOffset(2026, 12, 18, 12, 0, 0, TimeSpan.Zero));

        // Friday 18 December: 21-24 Dec are four days, 25 and 28 Dec are bank holidays, 29-31 three more,
        // 1 January a bank holiday, then 4, 5 and 6 January: the last day is Wednesday 6 January 2027.
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 12, 18, 10));
        Assert.Equal(Utc(2027, 1, 7), app.DueAt);
        Assert.Equal(app.DueAt, (await ReloadAsync(app.Id)).DueAt);
        AssertNext(app, ClockKind.InitialChecks, Utc(2026, 12, 19, 10));

        var other = await CreateAsync(Scheme.Dvds, Route.RightToKnow, Utc(2026, 12, 18, 10));
        Assert.Equal(Utc(2027, 1, 16), other.DueAt); // the unchanged 28 calendar days
    }

    [Fact]
    public async Task An_application_received_the_day_before_the_clocks_go_forward_is_due_at_London_midnight()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 3, 28, 13, 0, 0, TimeSpan.Zero));
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 28, 12));

        // 24 real hours across the change: 12:00 UTC on Sunday 29 March is 1pm BST.
        AssertNext(app, ClockKind.InitialChecks, Utc(2026, 3, 29, 12));

        // 28 days from 28 March is 25 April; the end of that London day is 23:00 UTC (BST).
        Assert.Equal(Utc(2026, 4, 25, 23), app.DueAt);
        var stored = await ReloadAsync(app.Id);
        Assert.Equal(Utc(2026, 4, 25, 23), DateTime.SpecifyKind(stored.DueAt, DateTimeKind.Utc));
        Assert.Equal(new DateOnly(2026, 4, 25), ClockMath.DueDate(stored.DueAt));
    }
}
