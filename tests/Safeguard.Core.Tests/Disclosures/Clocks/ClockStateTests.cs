using Safeguard.Core.Disclosures.Clocks;
using static Safeguard.Core.Tests.Disclosures.Clocks.Calendars;

namespace Safeguard.Core.Tests.Disclosures.Clocks;

public sealed class ClockStateTests
{
    // A day clock whose last day is Friday 24 April 2026 (BST), so it is missed at 23:00 UTC that day.
    private static readonly DateTime DueAt = Utc(2026, 4, 24, 23, 0);

    [Fact]
    public void A_clock_with_more_than_5_days_left_is_on_track() =>
        Assert.Equal(ClockState.OnTrack, ClockMath.State(DueAt, Utc(2026, 4, 1, 10, 0), null));

    [Fact]
    public void A_clock_6_days_from_its_due_date_is_still_on_track() =>
        Assert.Equal(ClockState.OnTrack, ClockMath.State(DueAt, Utc(2026, 4, 18, 10, 0), null));

    [Fact]
    public void A_clock_exactly_5_days_from_its_due_date_is_due_soon() =>
        Assert.Equal(ClockState.DueSoon, ClockMath.State(DueAt, Utc(2026, 4, 19, 10, 0), null));

    [Fact]
    public void Due_soon_starts_at_London_midnight_not_UTC_midnight()
    {
        // 22:59 UTC on the 18th is 23:59 BST: still 6 days out. A minute later it is the 19th in London.
        Assert.Equal(ClockState.OnTrack, ClockMath.State(DueAt, Utc(2026, 4, 18, 22, 59), null));
        Assert.Equal(ClockState.DueSoon, ClockMath.State(DueAt, Utc(2026, 4, 18, 23, 0), null));
    }

    [Fact]
    public void A_clock_is_overdue_from_the_due_instant_and_not_a_tick_before()
    {
        Assert.Equal(ClockState.DueSoon, ClockMath.State(DueAt, DueAt.AddTicks(-1), null));
        Assert.Equal(ClockState.Overdue, ClockMath.State(DueAt, DueAt, null));
    }

    [Fact]
    public void A_clock_stopped_before_the_due_instant_was_met_in_time_whenever_it_is_viewed() =>
        Assert.Equal(ClockState.MetInTime, ClockMath.State(DueAt, Utc(2026, 6, 1), DueAt.AddTicks(-1)));

    [Fact]
    public void A_clock_stopped_at_the_due_instant_was_met_late() =>
        Assert.Equal(ClockState.MetLate, ClockMath.State(DueAt, Utc(2026, 6, 1), DueAt));

    [Fact]
    public void Days_elapsed_counts_London_dates_across_the_spring_change()
    {
        // 23:30 GMT on 28 March to 00:30 BST on 30 March: only 24 hours, but two London days on.
        Assert.Equal(2, ClockMath.DaysElapsed(Utc(2026, 3, 28, 23, 30), Utc(2026, 3, 29, 23, 30)));
    }

    [Fact]
    public void Days_elapsed_counts_London_dates_across_the_autumn_change()
    {
        // 00:30 BST on 25 October to 23:30 GMT the same day: 24 hours, the same London day.
        Assert.Equal(0, ClockMath.DaysElapsed(Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 25, 23, 30)));
    }

    [Fact]
    public void Days_elapsed_is_zero_on_the_London_day_the_clock_started() =>
        Assert.Equal(0, ClockMath.DaysElapsed(Utc(2026, 6, 30, 23, 30), Utc(2026, 7, 1, 22, 0)));
}
