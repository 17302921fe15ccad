namespace Safeguard.Core.Disclosures.Clocks;

public enum ClockUnit
{
    Hours,
    CalendarDays,
    WorkingDays,
}
