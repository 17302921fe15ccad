namespace Safeguard.Core.Marac;

/// <summary>
/// When an invited agency sees a MARAC's pack, cases and minutes: from the pack's release until <see cref="AccessDays"/>
/// days after the meeting or after the latest release of its minutes, whichever is later, long enough to read the
/// minutes, propose corrections and follow up, and no longer. Minutes released (or corrected and re-released) late
/// are told to the agencies, so the window runs from that release too: otherwise the link they are sent would be
/// "not found". The agencies invited to a meeting are its attendance rows, copied from the area's list when the
/// meeting was set up, so changing the area's list later neither grants nor takes away access to a meeting already set up.
/// </summary>
public static class MaracSharing
{
    public const int AccessDays = 28;

    /// <param name="lastMinutesReleasedAt">When a version of the meeting's minutes was last released; null if never.</param>
    public static bool IsOpenTo(MaracMeeting meeting, DateTime nowUtc, DateTime? lastMinutesReleasedAt) =>
        meeting.PackReleasedAt is DateTime released && nowUtc >= released && nowUtc < OpenUntil(meeting, lastMinutesReleasedAt);

    /// <summary>The end of the agencies' access: <see cref="AccessDays"/> days after the meeting or the latest minutes release.</summary>
    public static DateTime OpenUntil(MaracMeeting meeting, DateTime? lastMinutesReleasedAt) =>
        (lastMinutesReleasedAt is DateTime minutes && minutes > meeting.StartsAtUtc ? minutes : meeting.StartsAtUtc).AddDays(AccessDays);
}
