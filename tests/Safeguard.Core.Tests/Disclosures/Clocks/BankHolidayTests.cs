using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Tests.Disclosures.Clocks;

public sealed class BankHolidayTests
{
    private static readonly IReadOnlyList<BankHoliday> Shipped = BankHolidays.EnglandAndWales;

    [Fact]
    public void The_shipped_list_covers_2018_to_2030_with_8_a_year_plus_the_one_off_holidays()
    {
        var perYear = Shipped.GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(2018, 13), perYear.Keys.Order());
        foreach (var (year, count) in perYear)
        {
            var expected = year switch { 2022 => 10, 2023 => 9, _ => 8 };
            Assert.True(count == expected, $"{year} has {count} bank holidays, expected {expected}.");
        }
    }

    [Fact]
    public void No_bank_holiday_falls_at_a_weekend_because_weekend_ones_move_to_a_substitute_day() =>
        Assert.DoesNotContain(Shipped, h => h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void Dates_are_unique_and_in_order()
    {
        var dates = Shipped.Select(h => h.Date).ToList();
        Assert.Equal(dates.Distinct().Order(), dates);
    }

    [Fact]
    public void Every_holiday_has_a_name() =>
        Assert.All(Shipped, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));

    [Theory]
    [InlineData("2020-05-08")] // Early May moved to the Friday for VE Day
    [InlineData("2022-06-02")] // Spring bank holiday moved to the Thursday
    [InlineData("2022-06-03")] // Platinum Jubilee
    [InlineData("2022-09-19")] // State Funeral of Queen Elizabeth II
    [InlineData("2023-05-08")] // Coronation of King Charles III
    [InlineData("2021-12-27")]
    [InlineData("2021-12-28")]
    [InlineData("2022-01-03")]
    [InlineData("2022-12-26")]
    [InlineData("2022-12-27")]
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-12-28")] // Boxing Day substitute
    [InlineData("2027-12-27")]
    [InlineData("2027-12-28")]
    [InlineData("2028-12-25")]
    [InlineData("2028-12-26")]
    [InlineData("2030-04-19")] // Good Friday, projected
    public void Includes_the_special_and_substitute_days(string iso) =>
        Assert.Contains(Shipped, h => h.Date == DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2020-05-04")] // the usual first Monday, not a holiday in 2020
    [InlineData("2022-05-30")] // the usual last Monday, not a holiday in 2022
    [InlineData("2028-12-27")] // Christmas 2028 is a Monday, so no substitute
    public void Leaves_out_the_days_a_holiday_moved_from(string iso) =>
        Assert.DoesNotContain(Shipped, h => h.Date == DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_list_without_its_header_is_refused() =>
        Assert.Throws<FormatException>(() => BankHolidays.Parse(new StringReader("2026-01-01,New Year's Day\n")));
}
