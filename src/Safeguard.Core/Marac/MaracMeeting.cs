using Safeguard.Core.Dramm;

namespace Safeguard.Core.Marac;

/// <summary>
/// One MARAC in one area: its date and times (from the area's schedule when the meeting was set up), the agenda's
/// cases, when the pack went to the invited agencies, and the live meeting's progress.
/// </summary>
public sealed class MaracMeeting
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime PackReleaseByUtc { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AgendaBuiltAt { get; set; }
    public DateTime? PackReleasedAt { get; set; }
    public string? PackReleasedByUserId { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
    public List<MaracCase> Cases { get; set; } = [];
}

/// <summary>A case on a meeting's agenda, and what the meeting said about it.</summary>
public sealed class MaracCase
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int MaracReferralId { get; set; }
    public required string Reference { get; set; }
    public MaracCategory Category { get; set; }
    public DateTime ReferredAt { get; set; }
    public bool ChildrenLinked { get; set; }
    public int? VictimPersonId { get; set; }

    /// <summary>Place on the agenda, from 1, and the approximate minutes it is given.</summary>
    public int Position { get; set; }

    public int Minutes { get; set; }

    /// <summary>Why the co-ordinator moved it from the order the rules gave, if they did.</summary>
    public string? ReorderReason { get; set; }

    // The meeting, live (SafeLives: the IDVA gives the victim's view; the chair summarises the risks).
    public string? VictimViews { get; set; }
    public string? RiskSummary { get; set; }
    public DateTime? DiscussedAt { get; set; }
    public string? DiscussedByUserId { get; set; }
    public int Version { get; set; }
}

/// <summary>An invited agency's attendance at a meeting: present, apologies (with its written information) or not known yet.</summary>
public sealed class MaracAttendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int AgencyId { get; set; }
    public AttendanceStatus Status { get; set; }
    public string? Representative { get; set; }
    public string? WrittenInformation { get; set; }
    public int Version { get; set; }
}

public enum AttendanceStatus
{
    NotRecorded,
    Present,
    Apologies,
}

/// <summary>A person at the meeting who has acknowledged the confidentiality statement.</summary>
public sealed class MaracAttendee
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string UserId { get; set; }
    public int AgencyId { get; set; }
    public DateTime AcknowledgedAt { get; set; }
}

/// <summary>What one agency knows about a MARAC case's people; one per agency per case, updated in place.</summary>
public sealed class MaracCaseInformation
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public bool Known { get; set; }
    public Involvement? Involvement { get; set; }
    public string? Summary { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public int Version { get; set; }
}

/// <summary>One version of a meeting's minutes, kept whole: the first made from the record, later ones with accepted corrections.</summary>
public sealed class MaracMinutesVersion
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Number { get; set; }
    public required byte[] Document { get; set; }
    public string? ChangeNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime? ReleasedAt { get; set; }
}

/// <summary>A correction to released minutes proposed by an attendee, accepted or refused by the co-ordinator.</summary>
public sealed class MaracMinutesCorrection
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int VersionNumber { get; set; }
    public int AgencyId { get; set; }
    public required string ProposedByUserId { get; set; }
    public DateTime ProposedAt { get; set; }
    public required string Text { get; set; }
    public CorrectionStatus Status { get; set; }
    public string? Response { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public int? AcceptedIntoVersion { get; set; }
    public int Version { get; set; }
}

public enum CorrectionStatus
{
    Proposed,
    Accepted,
    Refused,
}
