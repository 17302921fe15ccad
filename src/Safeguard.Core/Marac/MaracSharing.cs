namespace Safeguard.Core.Marac;

/// <summary>
/// When an invited agency sees a MARAC's pack and cases: from the pack's release until <see cref="AccessDays"/> days
/// after the meeting, long enough to read the minutes, propose corrections and follow up, and no longer. The agencies
/// invited to a meeting are its attendance rows, copied from the area's list when the meeting was set up, so changing
/// the area's list later neither grants nor takes away access to a meeting already set up.
/// </summary>
public static class MaracSharing
{
    public const int AccessDays = 28;

    public static bool IsOpenTo(MaracMeeting meeting, DateTime nowUtc) =>
        meeting.PackReleasedAt is DateTime released && nowUtc >= released && nowUtc < meeting.StartsAtUtc.AddDays(AccessDays);
}
