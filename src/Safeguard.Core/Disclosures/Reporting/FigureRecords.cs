using Safeguard.Core.Common;

namespace Safeguard.Core.Disclosures.Reporting;

/// <summary>
/// A period of London dates, both days included: the figures count applications whose <c>ReceivedAt</c> falls
/// from the start of <see cref="From"/> to the end of <see cref="To"/>, as the clocks in England and Wales read.
/// </summary>
public sealed record FiguresPeriod(DateOnly From, DateOnly To)
{
    public DateTime StartUtc => LondonMidnight(From);

    /// <summary>Exclusive: midnight London time at the start of the day after <see cref="To"/>.</summary>
    public DateTime EndUtc => LondonMidnight(To.AddDays(1));

    /// <summary>The last 12 calendar months, this month included: from the first of the month 11 months ago to today.</summary>
    public static FiguresPeriod LastTwelveMonths(DateOnly today) =>
        new(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today);

    /// <summary>Midnight London time at the start of a day, in UTC (London midnight always exists: the clocks change at 01:00 UTC).</summary>
    public static DateTime LondonMidnight(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), London.Zone);
}

/// <summary>Applications received in one London calendar month (the first and last months clipped to the period).</summary>
public sealed record VolumeRow(DateOnly Month, Scheme Scheme, Route Route, int Received);

public sealed record VolumeFigures(IReadOnlyList<DateOnly> Months, IReadOnlyList<VolumeRow> Rows)
{
    public int Received(DateOnly month, Scheme scheme, Route route) =>
        Rows.Where(r => r.Month == month && r.Scheme == scheme && r.Route == route).Sum(r => r.Received);

    public int Received(DateOnly month) => Rows.Where(r => r.Month == month).Sum(r => r.Received);

    public int Received(Scheme scheme, Route route) => Rows.Where(r => r.Scheme == scheme && r.Route == route).Sum(r => r.Received);

    public int Total => Rows.Sum(r => r.Received);
}

public sealed record OutcomeCount(DisclosureOutcome Outcome, int Count);

/// <summary>
/// Decision records (applications with a decision to disclose or not) and how many of them have each part of
/// the rationale filled in (not empty or blank). It says whether a part was written, not whether it was good.
/// </summary>
public sealed record RationaleCount(bool Disclose, int Decisions, int Lawful, int Necessary, int Proportionate, int PressingNeed);

/// <summary>How the applications received in the period ended; <see cref="StillOpen"/> have no outcome yet.</summary>
public sealed record OutcomeFigures(IReadOnlyList<OutcomeCount> Outcomes, int StillOpen, IReadOnlyList<RationaleCount> Rationale)
{
    public int Count(DisclosureOutcome outcome) => Outcomes.FirstOrDefault(o => o.Outcome == outcome)?.Count ?? 0;

    public RationaleCount For(bool disclose) =>
        Rationale.FirstOrDefault(r => r.Disclose == disclose) ?? new RationaleCount(disclose, 0, 0, 0, 0, 0);
}

/// <summary>
/// Closed applications of one scheme and route received in the period: how many closed before their whole-process
/// deadline (<c>ClosedAt &lt; DueAt</c>) and the median elapsed days from received to closed.
/// </summary>
public sealed record TimelinessRow(Scheme Scheme, Route Route, int Closed, int WithinClock, double? MedianDaysToClose)
{
    /// <summary>0 to 1, or null when nothing closed.</summary>
    public double? ShareWithinClock => Closed == 0 ? null : (double)WithinClock / Closed;
}

/// <summary>Finished periods in one stage (entered and left) of applications received in the period, and their median length in days.</summary>
public sealed record StageTimeRow(DisclosureStage Stage, int Periods, double? MedianDays);

/// <summary>Open applications owned by one member of staff now, and how many of them are overdue.</summary>
public sealed record WorkloadRow(string OwnerUserId, string OwnerName, int Open, int Overdue);

public sealed record WorkloadFigures(IReadOnlyList<WorkloadRow> Owners, int Unallocated, int UnallocatedOverdue)
{
    public int Open => Owners.Sum(o => o.Open) + Unallocated;
}

/// <summary>An open application as the longest-waiting list shows it: a reference, never a name of anyone in it.</summary>
public sealed record WaitingApplication(int Id, string Reference, Scheme Scheme, Route Route, DisclosureStage Stage, DateTime ReceivedAt,
    int DaysElapsed, DateTime? NextDueAt, string? OwnerName);

/// <summary>Open applications now; those with a running deadline passed (<c>NextDueAt &lt;= now</c>); the 10 received longest ago.</summary>
public sealed record OverdueFigures(int Open, int Overdue, IReadOnlyList<WaitingApplication> LongestWaiting);

/// <summary>
/// The Home Office figures for one year ending March. Applications are counted by when they were received in the
/// year; disclosures (outcome "Disclosure made") by when the application was closed in the year, whenever it was
/// received. CSODS counts both routes together.
/// </summary>
public sealed record HomeOfficeFigures(
    int YearEndingMarch,
    int DvdsRightToAskApplications,
    int DvdsRightToAskDisclosures,
    int DvdsRightToKnowApplications,
    int DvdsRightToKnowDisclosures,
    int CsodsApplications,
    int CsodsApplicationsAboutRegisteredSexOffenders,
    int CsodsDisclosures)
{
    /// <summary>1 April of the year before, London time.</summary>
    public DateOnly From => new(YearEndingMarch - 1, 4, 1);

    /// <summary>31 March, London time, the whole day.</summary>
    public DateOnly To => new(YearEndingMarch, 3, 31);

    public FiguresPeriod Period => new(From, To);
}

/// <summary>Everything the dashboard shows, computed in one go.</summary>
public sealed record DashboardFigures(
    FiguresPeriod Period,
    DateTime ComputedAt,
    VolumeFigures Volumes,
    OutcomeFigures Outcomes,
    IReadOnlyList<TimelinessRow> Timeliness,
    IReadOnlyList<StageTimeRow> StageTimes,
    WorkloadFigures Workload,
    OverdueFigures Overdue,
    HomeOfficeFigures HomeOffice);
