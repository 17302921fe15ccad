using Safeguard.Core.Common;

namespace Safeguard.Core.Disclosures.Reporting;

/// <summary>
/// One count of the disclosure figures' monthly roll-up: how many closed applications of an area, received in a
/// London month, have a measure with this code and duration. Written in the same transaction that closes an
/// application (<see cref="FigureCells"/>), so a whole month's figures are read from a few hundred narrow rows
/// instead of every application and stage period. Open work is never rolled up: it still changes.
/// </summary>
public sealed class FigureCell
{
    public int AreaId { get; set; }

    /// <summary>The first day of the London month: the month received, except for <see cref="FigureMeasure.Disclosed"/>, the month closed.</summary>
    public DateOnly Month { get; set; }

    public FigureMeasure Measure { get; set; }
    public Scheme Scheme { get; set; }
    public Route Route { get; set; }

    /// <summary>The outcome (<see cref="FigureMeasure.Outcome"/>), the stage (<see cref="FigureMeasure.DaysInStage"/>) or the decision (the rationale measures); empty otherwise.</summary>
    public string Code { get; set; } = "";

    /// <summary>Days to the nearest tenth, times ten, for the duration measures; 0 otherwise.</summary>
    public int Tenths { get; set; }

    public int Count { get; set; }

    public const string Disclose = "Disclose";
    public const string DoNotDisclose = "DoNotDisclose";

    public static string DecisionCode(bool disclose) => disclose ? Disclose : DoNotDisclose;

    /// <summary>The first day of the London month an instant falls in.</summary>
    public static DateOnly MonthOf(DateTime utc)
    {
        var day = London.DateOf(utc);
        return new DateOnly(day.Year, day.Month, 1);
    }

    /// <summary>
    /// Elapsed days in tenths, a half rounded up. The figures count durations read from the rows with this too, never
    /// in SQL (SQLite and PostgreSQL round a half differently), so a month puts a duration in the same bucket
    /// whether it is read from the roll-up or from the rows.
    /// </summary>
    public static int TenthsBetween(DateTime from, DateTime to) =>
        (int)Math.Round((to - from).TotalDays * 10, MidpointRounding.AwayFromZero);
}

/// <summary>What a <see cref="FigureCell"/> counts. Stored by name.</summary>
public enum FigureMeasure
{
    /// <summary>Applications received (and since closed).</summary>
    Received,

    /// <summary>Of those, CSODS applications about a registered sex offender.</summary>
    AboutRegisteredSexOffender,

    /// <summary>By outcome.</summary>
    Outcome,

    /// <summary>Decisions recorded, by disclose or not; then how many of them wrote each part of the rationale.</summary>
    Decision,
    Lawful,
    Necessary,
    Proportionate,
    PressingNeed,

    /// <summary>Days from received to closed, by scheme and route.</summary>
    DaysToClose,

    /// <summary>Closed before the whole-process deadline.</summary>
    ClosedWithinClock,

    /// <summary>Days spent in each stage that ended.</summary>
    DaysInStage,

    /// <summary>Disclosures made, by the London month the application closed (the Home Office rule).</summary>
    Disclosed,
}
