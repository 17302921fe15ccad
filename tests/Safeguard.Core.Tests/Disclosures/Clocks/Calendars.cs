using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Tests.Disclosures.Clocks;

internal static class Calendars
{
    public static WorkingCalendar EnglandAndWales { get; } =
        new(BankHolidays.EnglandAndWales.Select(h => h.Date));

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
