namespace Safeguard.Core.Marac;

/// <summary>
/// How often an area's MARAC meets and how its agenda is timed. An area that has not saved its own meets as the
/// Kirklees protocol says (<see cref="Default"/>): fortnightly at 09:30, the pack out by close of business on the
/// Friday before, and about 15 minutes per fully discussed case.
/// </summary>
public sealed class MaracSchedule
{
    public int AreaId { get; set; }

    /// <summary>A date the MARAC met or will meet; the others follow every <see cref="IntervalDays"/> from it.</summary>
    public DateOnly FirstMeeting { get; set; }

    public int IntervalDays { get; set; } = 14;
    public TimeOnly StartsAt { get; set; } = new(9, 30);

    /// <summary>The pack goes out on the last such weekday before the meeting, at this time (close of business).</summary>
    public DayOfWeek PackReleaseDay { get; set; } = DayOfWeek.Friday;

    public TimeOnly PackReleaseAt { get; set; } = new(17, 0);

    // Approximate minutes per case on the agenda, by category.
    public int MinutesClaresLaw { get; set; } = 5;
    public int MinutesInformationOnly { get; set; } = 5;
    public int MinutesSignificantUpdate { get; set; } = 10;
    public int MinutesFullDiscussion { get; set; } = 15;

    public int Version { get; set; } = 1;

    /// <summary>The protocol's pattern, anchored on a Thursday so that the pack's Friday is six days before.</summary>
    public static MaracSchedule Default(int areaId) => new() { AreaId = areaId, FirstMeeting = new DateOnly(2026, 1, 8) };

    public int MinutesFor(MaracCategory category) => category switch
    {
        MaracCategory.ClaresLaw => MinutesClaresLaw,
        MaracCategory.InformationOnly => MinutesInformationOnly,
        MaracCategory.SignificantUpdate => MinutesSignificantUpdate,
        _ => MinutesFullDiscussion,
    };
}

/// <summary>An agency invited to an area's MARAC. Its people see a meeting's pack and cases once released.</summary>
public sealed class MaracInvitedAgency
{
    public int AreaId { get; set; }
    public int AgencyId { get; set; }
}

/// <summary>The kind of discussion a case has at MARAC; also the agenda's order (Clare's Law first).</summary>
public enum MaracCategory
{
    ClaresLaw,
    InformationOnly,
    SignificantUpdate,
    FullDiscussion,
}

/// <summary>How a case came to MARAC.</summary>
public enum MaracReferralSource
{
    Dramm,
    PartnerReferral,
    ClaresLaw,
    Repeat,
    TransferIn,
}

public static class MaracNames
{
    public static string Of(MaracCategory c) => c switch
    {
        MaracCategory.ClaresLaw => "Clare's Law disclosure (information only)",
        MaracCategory.InformationOnly => "Information only",
        MaracCategory.SignificantUpdate => "Significant update",
        _ => "Full discussion",
    };

    public static string Of(MaracReferralSource s) => s switch
    {
        MaracReferralSource.Dramm => "DRAMM",
        MaracReferralSource.PartnerReferral => "Partner referral",
        MaracReferralSource.ClaresLaw => "Clare's Law decision",
        MaracReferralSource.Repeat => "Repeat",
        _ => "Transfer in",
    };
}
