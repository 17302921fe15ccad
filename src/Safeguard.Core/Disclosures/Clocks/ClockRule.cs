using System.Globalization;

namespace Safeguard.Core.Disclosures.Clocks;

/// <summary>How long a stage of a disclosure application may take, e.g. 10 working days to complete initial checks.</summary>
public sealed record ClockRule(int Amount, ClockUnit Unit)
{
    public string Describe()
    {
        var (one, many) = Unit switch
        {
            ClockUnit.Hours => ("hour", "hours"),
            ClockUnit.CalendarDays => ("calendar day", "calendar days"),
            ClockUnit.WorkingDays => ("working day", "working days"),
            _ => throw new InvalidOperationException($"Unknown clock unit {Unit}."),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Amount} {(Amount == 1 ? one : many)}");
    }
}
