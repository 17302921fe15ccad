using System.Globalization;

namespace Safeguard.Web.Infrastructure;

/// <summary>A GOV.UK date input (day, month, year boxes) as typed, and what it means.</summary>
public sealed record DateInput(string Name, string Legend, string? Hint, string? Day, string? Month, string? Year)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null when blank. False when something was typed that is not a real date.</summary>
    public bool TryRead(out DateOnly? date)
    {
        date = null;
        if (IsBlank)
        {
            return true;
        }

        if (TryParse(Day, Month, Year, 1000, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Three boxes as a real date, with the year from <paramref name="minYear"/> to 9999.</summary>
    public static bool TryParse(string? day, string? month, string? year, int minYear, out DateOnly date)
    {
        date = default;
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y >= minYear && y <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }

        return false;
    }

    public static (string? Day, string? Month, string? Year) Parts(DateOnly? date) =>
        date is DateOnly v
            ? (v.Day.ToString(CultureInfo.InvariantCulture), v.Month.ToString(CultureInfo.InvariantCulture), v.Year.ToString(CultureInfo.InvariantCulture))
            : (null, null, null);
}
