using Safeguard.Core.Disclosures.Clocks;
using static Safeguard.Core.Tests.Disclosures.Clocks.Calendars;

namespace Safeguard.Core.Tests.Disclosures.Clocks;

public sealed class DueAtTests
{
    [Fact]
    public void Calendar_days_across_the_spring_change_end_at_London_midnight()
    {
        // 23:30 on Friday 27 March 2026 in London (GMT); the clocks go forward on the 29th.
        var dueAt = ClockMath.DueAt(Utc(2026, 3, 27, 23, 30), new ClockRule(28, ClockUnit.CalendarDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2026, 4, 24), ClockMath.DueDate(dueAt));
        // Midnight at the start of 25 April is 23:00 UTC on the 24th in BST.
        Assert.Equal(Utc(2026, 4, 24, 23, 0), dueAt);
        Assert.Equal(DateTimeKind.Utc, dueAt.Kind);
        Assert.Equal("24 April 2026", ClockMath.DueText(dueAt, ClockUnit.CalendarDays));
    }

    [Fact]
    public void Hours_across_the_spring_change_are_real_hours()
    {
        // Noon GMT on 28 March; 24 hours later it is 1pm BST on the 29th.
        var dueAt = ClockMath.DueAt(Utc(2026, 3, 28, 12, 0), new ClockRule(24, ClockUnit.Hours), EnglandAndWales);

        Assert.Equal(Utc(2026, 3, 29, 12, 0), dueAt);
        Assert.Equal("by 1:00pm on 29 March 2026", ClockMath.DueText(dueAt, ClockUnit.Hours));
    }

    [Fact]
    public void Hours_across_the_autumn_change_are_real_hours()
    {
        // 1pm BST on 24 October; the clocks go back on the 25th, so 24 hours later it is noon GMT.
        var dueAt = ClockMath.DueAt(Utc(2026, 10, 24, 12, 0), new ClockRule(24, ClockUnit.Hours), EnglandAndWales);

        Assert.Equal(Utc(2026, 10, 25, 12, 0), dueAt);
        Assert.Equal("by 12:00pm on 25 October 2026", ClockMath.DueText(dueAt, ClockUnit.Hours));
        Assert.Equal(new DateOnly(2026, 10, 25), ClockMath.DueDate(dueAt, ClockUnit.Hours));
    }

    [Fact]
    public void A_late_evening_start_in_winter_counts_from_the_same_London_day()
    {
        // 23:30 UTC on 31 October is 23:30 GMT: still the 31st in London.
        var dueAt = ClockMath.DueAt(Utc(2026, 10, 31, 23, 30), new ClockRule(1, ClockUnit.CalendarDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2026, 11, 1), ClockMath.DueDate(dueAt));
        Assert.Equal(Utc(2026, 11, 2, 0, 0), dueAt);
    }

    [Fact]
    public void A_late_evening_start_in_summer_counts_from_the_next_London_day()
    {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July.
        var dueAt = ClockMath.DueAt(Utc(2026, 6, 30, 23, 30), new ClockRule(1, ClockUnit.CalendarDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2026, 7, 2), ClockMath.DueDate(dueAt));
        Assert.Equal(Utc(2026, 7, 2, 23, 0), dueAt);
    }

    [Fact]
    public void Working_days_skip_Easter_and_end_at_London_midnight()
    {
        // Monday 30 March 2026; Good Friday and Easter Monday fall inside the 10 days.
        var dueAt = ClockMath.DueAt(Utc(2026, 3, 30, 9, 0), new ClockRule(10, ClockUnit.WorkingDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2026, 4, 15), ClockMath.DueDate(dueAt));
        Assert.Equal(Utc(2026, 4, 15, 23, 0), dueAt);
        Assert.Equal("15 April 2026", ClockMath.DueText(dueAt, ClockUnit.WorkingDays));
    }

    [Fact]
    public void Working_days_skip_Christmas_and_its_substitute_day()
    {
        var dueAt = ClockMath.DueAt(Utc(2026, 12, 24, 15, 0), new ClockRule(1, ClockUnit.WorkingDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2026, 12, 29), ClockMath.DueDate(dueAt));
        Assert.Equal(Utc(2026, 12, 30, 0, 0), dueAt);
    }

    [Fact]
    public void Calendar_days_land_on_a_leap_day()
    {
        var dueAt = ClockMath.DueAt(Utc(2028, 2, 1, 10, 0), new ClockRule(28, ClockUnit.CalendarDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2028, 2, 29), ClockMath.DueDate(dueAt));
        Assert.Equal(Utc(2028, 3, 1, 0, 0), dueAt);
    }

    [Fact]
    public void Calendar_days_count_a_leap_day_they_span()
    {
        var dueAt = ClockMath.DueAt(Utc(2024, 2, 20, 10, 0), new ClockRule(10, ClockUnit.CalendarDays), EnglandAndWales);

        Assert.Equal(new DateOnly(2024, 3, 1), ClockMath.DueDate(dueAt));
    }

    [Fact]
    public void A_negative_amount_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClockMath.DueAt(Utc(2026, 3, 30), new ClockRule(-1, ClockUnit.CalendarDays), EnglandAndWales));

    [Fact]
    public void Hours_text_uses_lower_case_am_and_pm_in_London_time()
    {
        Assert.Equal("by 3:15pm on 5 March 2026", ClockMath.DueText(Utc(2026, 3, 5, 15, 15), ClockUnit.Hours));
        // 23:05 UTC on 1 July is five past midnight BST on the 2nd.
        Assert.Equal("by 12:05am on 2 July 2026", ClockMath.DueText(Utc(2026, 7, 1, 23, 5), ClockUnit.Hours));
        Assert.Equal(new DateOnly(2026, 7, 2), ClockMath.DueDate(Utc(2026, 7, 1, 23, 5), ClockUnit.Hours));
    }
}
