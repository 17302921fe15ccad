using Safeguard.Core.Dramm;

namespace Safeguard.Core.Tests.Dramm;

public sealed class DrammCalendarTests
{
    private static readonly DrammCalendar Protocol = new(DrammDay.Defaults(1), [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void A_tuesday_takes_what_came_after_mondays_deadline_and_meets_at_half_past_eleven()
    {
        var sitting = Protocol.SittingOn(new DateOnly(2026, 11, 24))!;
        Assert.Equal(Utc(2026, 11, 23, 11), sitting.WindowFromUtc);   // Monday's 11:00 (GMT)
        Assert.Equal(Utc(2026, 11, 24, 10), sitting.WindowToUtc);
        Assert.Equal(sitting.WindowToUtc, sitting.ReleaseByUtc);
        Assert.Equal(Utc(2026, 11, 24, 11, 30), sitting.MeetsAtUtc);
    }

    [Fact]
    public void A_monday_takes_the_weekend_from_fridays_deadline_and_meets_at_one()
    {
        var sitting = Protocol.SittingOn(new DateOnly(2026, 11, 30))!;
        Assert.Equal(Utc(2026, 11, 27, 10), sitting.WindowFromUtc);
        Assert.Equal(Utc(2026, 11, 30, 11), sitting.WindowToUtc);
        Assert.Equal(Utc(2026, 11, 30, 13), sitting.MeetsAtUtc);
        Assert.True((sitting.WindowToUtc - sitting.WindowFromUtc).TotalHours is > 72 and < 74);
    }

    [Fact]
    public void No_meeting_at_weekends_or_on_bank_holidays_and_the_next_meeting_covers_the_gap()
    {
        Assert.Null(Protocol.SittingOn(new DateOnly(2026, 11, 28)));
        Assert.Null(Protocol.SittingOn(new DateOnly(2026, 12, 25)));
        Assert.Null(Protocol.SittingOn(new DateOnly(2026, 12, 28)));
        // Tuesday 29 December takes everything from Thursday 24 December's deadline.
        var sitting = Protocol.SittingOn(new DateOnly(2026, 12, 29))!;
        Assert.Equal(Utc(2026, 12, 24, 10), sitting.WindowFromUtc);
        Assert.Equal(new DateOnly(2026, 12, 29), Protocol.NextMeeting(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void Times_are_london_times_across_the_clock_change()
    {
        // Monday 30 March 2026 is in British Summer Time: 11:00 BST is 10:00 UTC; the Friday before was GMT.
        var sitting = Protocol.SittingOn(new DateOnly(2026, 3, 30))!;
        Assert.Equal(Utc(2026, 3, 27, 10), sitting.WindowFromUtc);
        Assert.Equal(Utc(2026, 3, 30, 10), sitting.WindowToUtc);
        Assert.Equal(Utc(2026, 3, 30, 12), sitting.MeetsAtUtc);
    }

    [Fact]
    public void Consecutive_sittings_leave_no_gap_and_no_overlap()
    {
        var date = new DateOnly(2026, 1, 1);
        DrammSitting? previous = null;
        for (var i = 0; i < 400; i++, date = date.AddDays(1))
        {
            if (Protocol.SittingOn(date) is not { } sitting)
            {
                continue;
            }

            if (previous is not null)
            {
                Assert.Equal(previous.WindowToUtc, sitting.WindowFromUtc);
            }

            previous = sitting;
        }
    }

    [Fact]
    public void An_area_that_meets_on_saturday_takes_its_own_window()
    {
        var days = DrammDay.Defaults(1).Select(d => d.Day == DayOfWeek.Saturday ? new DrammDay { AreaId = 1, Day = d.Day, ReleaseBy = new(9, 0), MeetsAt = new(10, 0) } : d).ToList();
        var calendar = new DrammCalendar(days, []);
        var saturday = calendar.SittingOn(new DateOnly(2026, 11, 28))!;
        Assert.Equal(Utc(2026, 11, 27, 10), saturday.WindowFromUtc);
        Assert.Equal(Utc(2026, 11, 30, 11), calendar.SittingOn(new DateOnly(2026, 11, 30))!.WindowToUtc);
        Assert.Equal(Utc(2026, 11, 28, 9), calendar.SittingOn(new DateOnly(2026, 11, 30))!.WindowFromUtc);
    }
}
