using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Tests.Disclosures.Clocks;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = Calendars.EnglandAndWales;

    [Theory]
    [InlineData("2026-04-02", true)]  // Thursday
    [InlineData("2026-04-03", false)] // Good Friday
    [InlineData("2026-04-04", false)] // Saturday
    [InlineData("2026-04-05", false)] // Sunday
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2026-04-07", true)]
    public void Working_days_are_weekdays_that_are_not_bank_holidays(string iso, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(D(iso)));

    [Theory]
    [InlineData("2026-04-02", 1, "2026-04-07")]  // over Easter 2026
    [InlineData("2026-03-30", 10, "2026-04-15")] // 10 working days with Easter inside
    [InlineData("2026-12-24", 1, "2026-12-29")]  // over Christmas Day and the Boxing Day substitute
    [InlineData("2022-06-01", 1, "2022-06-06")]  // over the 2022 Spring and Jubilee holidays
    [InlineData("2026-03-28", 1, "2026-03-30")]  // a Saturday start counts from the Monday
    [InlineData("2026-03-30", 0, "2026-03-30")]
    public void Adding_working_days_skips_weekends_and_bank_holidays(string start, int n, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), n));

    [Fact]
    public void Adding_negative_working_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-03-30"), -1));

    [Theory]
    [InlineData("2026-04-02", "2026-04-07", 1)]
    [InlineData("2026-03-30", "2026-04-15", 10)]
    [InlineData("2026-12-24", "2026-12-31", 3)]
    [InlineData("2026-04-07", "2026-04-07", 0)]
    [InlineData("2026-04-08", "2026-04-07", 0)]
    public void Working_days_between_count_after_the_first_date_up_to_the_second(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void A_calendar_knows_only_the_holidays_it_is_given()
    {
        var bare = new WorkingCalendar([]);
        Assert.True(bare.IsWorkingDay(D("2026-12-25")));
        Assert.Equal(D("2026-12-25"), bare.AddWorkingDays(D("2026-12-24"), 1));
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
