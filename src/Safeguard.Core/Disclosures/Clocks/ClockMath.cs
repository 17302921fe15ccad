using System.Globalization;
using Safeguard.Core.Common;

namespace Safeguard.Core.Disclosures.Clocks;

/// <summary>
/// When a disclosure clock falls due and how it stands. Every instant is UTC; days are counted in London,
/// because a day-based deadline means the end of a day as the applicant and officers live it.
/// </summary>
public static class ClockMath
{
    /// <summary>A running clock this many London days or fewer from its due date is flagged so it can be picked up in time.</summary>
    public const int DueSoonDays = 5;

    /// <summary>
    /// The instant the clock is missed. For day clocks this is the start of the London day after the last day,
    /// an exclusive bound, so work done at any time on the last day is in time.
    /// </summary>
    public static DateTime DueAt(DateTime startUtc, ClockRule rule, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(rule.Amount);
        var start = AsUtc(startUtc);
        return rule.Unit switch
        {
            // Real elapsed hours: 24 hours across a clock change is still 24 hours of someone's time at risk.
            ClockUnit.Hours => start.AddHours(rule.Amount),
            ClockUnit.CalendarDays => EndOfLondonDay(London.DateOf(start).AddDays(rule.Amount)),
            ClockUnit.WorkingDays => EndOfLondonDay(calendar.AddWorkingDays(London.DateOf(start), rule.Amount)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Unit, "Unknown clock unit."),
        };
    }

    /// <summary>
    /// The last London day on which the clock can still be met: the day before a day clock's exclusive bound.
    /// For an hours clock this differs from the due instant's own date only when it falls due exactly at midnight.
    /// </summary>
    public static DateOnly DueDate(DateTime dueAtUtc) => London.DateOf(AsUtc(dueAtUtc).AddTicks(-1));

    /// <summary>The date shown as "due by": the last day for day clocks, the due instant's own London date for hours.</summary>
    public static DateOnly DueDate(DateTime dueAtUtc, ClockUnit unit) =>
        unit == ClockUnit.Hours ? London.DateOf(AsUtc(dueAtUtc)) : DueDate(dueAtUtc);

    /// <summary>E.g. "by 3:15pm on 5 March 2026" for an hours clock, "5 March 2026" for a day clock.</summary>
    public static string DueText(DateTime dueAtUtc, ClockUnit unit)
    {
        if (unit != ClockUnit.Hours)
        {
            return DueDate(dueAtUtc, unit).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(AsUtc(dueAtUtc), London.Zone);
        // Built by hand because the am/pm designator and its case vary with the host's culture data.
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var meridiem = local.Hour < 12 ? "am" : "pm";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"by {hour}:{local.Minute:00}{meridiem} on {local:d MMMM yyyy}");
    }

    public static ClockState State(DateTime dueAtUtc, DateTime nowUtc, DateTime? stoppedAtUtc)
    {
        var dueAt = AsUtc(dueAtUtc);
        if (stoppedAtUtc is { } stoppedAt)
        {
            return AsUtc(stoppedAt) < dueAt ? ClockState.MetInTime : ClockState.MetLate;
        }

        var now = AsUtc(nowUtc);
        if (now >= dueAt)
        {
            return ClockState.Overdue;
        }

        var daysLeft = DueDate(dueAt).DayNumber - London.DateOf(now).DayNumber;
        return daysLeft <= DueSoonDays ? ClockState.DueSoon : ClockState.OnTrack;
    }

    /// <summary>London calendar days from start to now: 0 on the day the clock started, whatever the hour.</summary>
    public static int DaysElapsed(DateTime startUtc, DateTime nowUtc) =>
        London.DateOf(AsUtc(nowUtc)).DayNumber - London.DateOf(AsUtc(startUtc)).DayNumber;

    // London midnight always exists and is never repeated: the clocks change at 01:00 UTC.
    private static DateTime EndOfLondonDay(DateOnly lastDay) =>
        TimeZoneInfo.ConvertTimeToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), London.Zone);

    // Stored instants come back from the database unspecified; they are UTC by convention.
    private static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
