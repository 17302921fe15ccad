using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Disclosures;

/// <summary>One clock of one application as a user reads it.</summary>
public sealed record ClockReading(ClockKind Kind, ClockRule Rule, DateTime DueAt, DateTime? StoppedAt, ClockState State);

/// <summary>
/// Puts a scheme's clocks on an application. Every clock runs from the moment the application was received;
/// the due instants are stored on the row (whole process and the next one due) so the board can sort and
/// colour thousands of applications without working them out again.
/// </summary>
public static class ApplicationClock
{
    public static void Apply(DisclosureApplication app, IEnumerable<DisclosureClock> clocks, WorkingCalendar calendar)
    {
        var active = clocks.Where(c => c.IsActive).ToList();
        var endToEnd = active.FirstOrDefault(c => c.Kind == ClockKind.EndToEnd);
        app.DueAt = ClockMath.DueAt(app.ReceivedAt, endToEnd?.Rule ?? new ClockRule(28, ClockUnit.CalendarDays), calendar);
        var next = active
            .Where(c => app.IsOpen && app.Stage < ClockKinds.StopsAt(c.Kind))
            .Select(c => (c.Kind, Due: ClockMath.DueAt(app.ReceivedAt, c.Rule, calendar)))
            .OrderBy(c => c.Due)
            .FirstOrDefault();
        app.NextDueAt = next == default ? null : next.Due;
        app.NextClock = next == default ? null : next.Kind;
    }

    /// <summary>Each clock with its due time and state: stopped ones by when the stage that stops them began.</summary>
    public static IReadOnlyList<ClockReading> Read(DisclosureApplication app, IEnumerable<DisclosureClock> clocks,
        IEnumerable<StagePeriod> periods, WorkingCalendar calendar, DateTime nowUtc)
    {
        var ordered = periods.OrderBy(p => p.EnteredAt).ToList();
        return clocks.Where(c => c.IsActive)
            .OrderBy(c => c.Kind)
            .Select(c =>
            {
                var due = ClockMath.DueAt(app.ReceivedAt, c.Rule, calendar);
                var stopsAt = ClockKinds.StopsAt(c.Kind);
                DateTime? stopped = app.Stage >= stopsAt ? ordered.FirstOrDefault(p => p.Stage >= stopsAt)?.EnteredAt ?? app.ClosedAt : null;
                return new ClockReading(c.Kind, c.Rule, due, stopped, ClockMath.State(due, nowUtc, stopped));
            })
            .ToList();
    }

    /// <summary>The board's state of an open application: by the next clock due, or by the whole process once all have stopped.</summary>
    public static ClockState StateOf(DisclosureApplication app, DateTime nowUtc) =>
        ClockMath.State(app.NextDueAt ?? app.DueAt, nowUtc, app.IsOpen ? null : app.ClosedAt);
}
