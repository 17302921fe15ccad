namespace Safeguard.Core.Disclosures.Clocks;

public static class ClockStateNames
{
    public static string Of(ClockState state) => state switch
    {
        ClockState.OnTrack => "On track",
        ClockState.DueSoon => "Due within 5 days",
        ClockState.Overdue => "Overdue",
        ClockState.MetInTime => "Met",
        ClockState.MetLate => "Met late",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown clock state."),
    };
}
