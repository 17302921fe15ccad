using Safeguard.Core.Common;

namespace Safeguard.Core.Dramm;

/// <summary>
/// One weekday of an area's DRAMM: when the cases are released to the agencies and when the meeting starts, in
/// London time. An area with no rows of its own meets as the Kirklees protocol says (<see cref="Defaults"/>).
/// </summary>
public sealed class DrammDay
{
    public int AreaId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly ReleaseBy { get; set; }
    public TimeOnly MeetsAt { get; set; }
    public bool Meets { get; set; } = true;
    public int Version { get; set; } = 1;

    /// <summary>Monday: cases out by 11:00, meeting at 13:00; Tuesday to Friday: by 10:00, at 11:30; no weekend meetings.</summary>
    public static IReadOnlyList<DrammDay> Defaults(int areaId) =>
    [
        .. Enum.GetValues<DayOfWeek>().Select(d => d switch
        {
            DayOfWeek.Monday => new DrammDay { AreaId = areaId, Day = d, ReleaseBy = new(11, 0), MeetsAt = new(13, 0) },
            DayOfWeek.Saturday or DayOfWeek.Sunday => new DrammDay { AreaId = areaId, Day = d, ReleaseBy = new(10, 0), MeetsAt = new(11, 30), Meets = false },
            _ => new DrammDay { AreaId = areaId, Day = d, ReleaseBy = new(10, 0), MeetsAt = new(11, 30) },
        }),
    ];
}

/// <summary>When a day's meeting is, and which incidents and referrals its list takes.</summary>
public sealed record DrammSitting(DateOnly Date, DateTime ReleaseByUtc, DateTime MeetsAtUtc, DateTime WindowFromUtc, DateTime WindowToUtc);

/// <summary>
/// The meeting days of an area. A day's list takes what arrived after the previous meeting's release deadline up
/// to its own: the protocol's "last 24 hours, 72 on a Monday", with no gap and no overlap when a deadline moves, a
/// bank holiday passes without a meeting, or the clocks change.
/// </summary>
public sealed class DrammCalendar(IReadOnlyList<DrammDay> days, IEnumerable<DateOnly> bankHolidays)
{
    private readonly Dictionary<DayOfWeek, DrammDay> _days = days.ToDictionary(d => d.Day);
    private readonly HashSet<DateOnly> _bankHolidays = [.. bankHolidays];

    public bool MeetsOn(DateOnly date) => _days.TryGetValue(date.DayOfWeek, out var d) && d.Meets && !_bankHolidays.Contains(date);

    /// <summary>The sitting on <paramref name="date"/>, or null when the DRAMM does not meet that day.</summary>
    public DrammSitting? SittingOn(DateOnly date)
    {
        if (!MeetsOn(date))
        {
            return null;
        }

        var day = _days[date.DayOfWeek];
        var previous = PreviousMeeting(date);
        var from = previous is null ? At(date.AddDays(-1), day.ReleaseBy) : At(previous.Value, _days[previous.Value.DayOfWeek].ReleaseBy);
        var to = At(date, day.ReleaseBy);
        return new DrammSitting(date, to, At(date, day.MeetsAt), from, to);
    }

    /// <summary>The next day the DRAMM meets, today included.</summary>
    public DateOnly? NextMeeting(DateOnly from)
    {
        for (var date = from; date <= from.AddDays(31); date = date.AddDays(1))
        {
            if (MeetsOn(date))
            {
                return date;
            }
        }

        return null;
    }

    private DateOnly? PreviousMeeting(DateOnly date)
    {
        for (var d = date.AddDays(-1); d >= date.AddDays(-31); d = d.AddDays(-1))
        {
            if (MeetsOn(d))
            {
                return d;
            }
        }

        return null;
    }

    private static DateTime At(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), London.Zone);
}
