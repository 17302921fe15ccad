using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Disclosures;

/// <summary>
/// One deadline of a scheme, counted from the day the application was received. Each clock stops when the
/// application reaches the stage after the work it times: initial checks stop at the criteria decision, the
/// interview clock when the face-to-face meeting is recorded, and so on.
/// </summary>
public sealed class DisclosureClock
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public ClockKind Kind { get; set; }
    public int Amount { get; set; }
    public ClockUnit Unit { get; set; }
    public bool IsActive { get; set; } = true;

    public ClockRule Rule => new(Amount, Unit);
}

public enum ClockKind
{
    InitialChecks,
    Interview,
    FullAssessment,
    EndToEnd,
}

public static class ClockKinds
{
    public static string Of(ClockKind kind) => kind switch
    {
        ClockKind.InitialChecks => "Initial checks",
        ClockKind.Interview => "Interview",
        ClockKind.FullAssessment => "Full assessment",
        ClockKind.EndToEnd => "Whole process",
        _ => kind.ToString(),
    };

    /// <summary>The stage whose start stops the clock: the work it times is then done.</summary>
    public static DisclosureStage StopsAt(ClockKind kind) => kind switch
    {
        ClockKind.InitialChecks => DisclosureStage.FaceToFace,
        ClockKind.Interview => DisclosureStage.Research,
        ClockKind.FullAssessment => DisclosureStage.Decision,
        _ => DisclosureStage.Closed,
    };
}
