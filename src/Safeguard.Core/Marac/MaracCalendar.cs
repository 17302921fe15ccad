using Safeguard.Core.Common;

namespace Safeguard.Core.Marac;

/// <summary>
/// An area's MARAC dates and times from its schedule: a meeting every <see cref="MaracSchedule.IntervalDays"/> from the
/// first, starting at its UK time, with the pack due on the last release weekday strictly before the meeting. Times
/// are UK local times turned into UTC for that date, so a meeting after the clocks change keeps its 09:30.
/// </summary>
public sealed class MaracCalendar(MaracSchedule schedule)
{
    public MaracSchedule Schedule { get; } = schedule;

    public bool IsMeetingDate(DateOnly date)
    {
        var days = date.DayNumber - Schedule.FirstMeeting.DayNumber;
        return ((days % Schedule.IntervalDays) + Schedule.IntervalDays) % Schedule.IntervalDays == 0;
    }

    /// <summary>The first meeting date on or after <paramref name="from"/>, and the ones after it.</summary>
    public IEnumerable<DateOnly> From(DateOnly from)
    {
        var days = from.DayNumber - Schedule.FirstMeeting.DayNumber;
        var steps = (int)Math.Ceiling(days / (double)Schedule.IntervalDays);
        for (var date = Schedule.FirstMeeting.AddDays(steps * Schedule.IntervalDays); ; date = date.AddDays(Schedule.IntervalDays))
        {
            yield return date;
        }
    }

    public DateTime StartsAtUtc(DateOnly date) => Utc(date, Schedule.StartsAt);

    /// <summary>Close of business on the last release weekday strictly before the meeting (a Friday meeting: the Friday before).</summary>
    public DateTime PackReleaseByUtc(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (day.DayOfWeek != Schedule.PackReleaseDay)
        {
            day = day.AddDays(-1);
        }

        return Utc(day, Schedule.PackReleaseAt);
    }

    /// <summary>A UK local time as UTC; a time the clocks skip (01:30 on the spring change) is read as an hour later.</summary>
    public static DateTime Utc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        if (London.Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, London.Zone);
    }
}
