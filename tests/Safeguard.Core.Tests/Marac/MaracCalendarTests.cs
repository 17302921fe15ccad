using Safeguard.Core.Marac;

namespace Safeguard.Core.Tests.Marac;

/// <summary>Meeting dates and the pack's deadline from a schedule; UK times, across the clocks changing.</summary>
public sealed class MaracCalendarTests
{
    private static readonly MaracCalendar Default = new(MaracSchedule.Default(1));

    [Theory]
    [InlineData("2026-01-08", true)]
    [InlineData("2026-01-22", true)]
    [InlineData("2026-12-10", true)]
    [InlineData("2025-12-25", true)]
    [InlineData("2026-01-15", false)]
    [InlineData("2026-12-11", false)]
    public void A_date_is_a_meeting_date_every_fortnight_from_the_anchor_either_way(string date, bool meets) =>
        Assert.Equal(meets, Default.IsMeetingDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_next_meetings_start_on_or_after_the_day_asked()
    {
        Assert.Equal([new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 7)], Default.From(new DateOnly(2026, 11, 30)).Take(3));
        Assert.Equal(new DateOnly(2026, 12, 10), Default.From(new DateOnly(2026, 12, 10)).First());
    }

    [Fact]
    public void In_winter_the_meeting_and_the_packs_close_of_business_friday_are_the_same_in_utc()
    {
        Assert.Equal(new DateTime(2026, 12, 10, 9, 30, 0, DateTimeKind.Utc), Default.StartsAtUtc(new DateOnly(2026, 12, 10)));
        Assert.Equal(new DateTime(2026, 12, 4, 17, 0, 0, DateTimeKind.Utc), Default.PackReleaseByUtc(new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void Across_the_spring_clock_change_the_meeting_keeps_its_uk_time_and_the_pack_keeps_its_own()
    {
        // Clocks go forward on Sunday 29 March 2026: the Friday before is GMT, the Thursday after is BST.
        var meeting = new DateOnly(2026, 4, 2);
        Assert.True(Default.IsMeetingDate(meeting));
        Assert.Equal(new DateTime(2026, 4, 2, 8, 30, 0, DateTimeKind.Utc), Default.StartsAtUtc(meeting));
        Assert.Equal(new DateTime(2026, 3, 27, 17, 0, 0, DateTimeKind.Utc), Default.PackReleaseByUtc(meeting));
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_pack_goes_out_at_bst_close_of_business()
    {
        // Clocks go back on Sunday 25 October 2026: Friday 23 October is BST, the meeting on the 29th is GMT.
        var meeting = new DateOnly(2026, 10, 29);
        Assert.True(Default.IsMeetingDate(meeting));
        Assert.Equal(new DateTime(2026, 10, 29, 9, 30, 0, DateTimeKind.Utc), Default.StartsAtUtc(meeting));
        Assert.Equal(new DateTime(2026, 10, 23, 16, 0, 0, DateTimeKind.Utc), Default.PackReleaseByUtc(meeting));
    }

    [Fact]
    public void A_meeting_on_the_release_day_itself_has_its_pack_a_week_before()
    {
        var fridays = new MaracCalendar(new MaracSchedule { AreaId = 1, FirstMeeting = new DateOnly(2026, 12, 11), IntervalDays = 28, StartsAt = new(10, 0) });
        Assert.Equal(new DateTime(2026, 12, 4, 17, 0, 0, DateTimeKind.Utc), fridays.PackReleaseByUtc(new DateOnly(2026, 12, 11)));
        Assert.False(fridays.IsMeetingDate(new DateOnly(2026, 12, 25)));
        Assert.True(fridays.IsMeetingDate(new DateOnly(2027, 1, 8)));
    }
}
