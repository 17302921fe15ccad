namespace Safeguard.Core.Marac;

/// <summary>
/// A case referred to an area's MARAC, waiting for (or placed on) a meeting. Whatever referred it (a DRAMM
/// outcome, a partner's referral, a Clare's Law decision, a repeat or a transfer) adds one of these through
/// <see cref="MaracIntake"/>; the agenda takes those not yet placed. The links name the records it came from.
/// </summary>
public sealed class MaracReferral
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public MaracReferralSource Source { get; set; }
    public MaracCategory Category { get; set; }
    public DateTime ReferredAt { get; set; }

    /// <summary>The reference of the record it came from (never a name).</summary>
    public required string Reference { get; set; }

    public int? ReferralId { get; set; }
    public int? DrammCaseId { get; set; }
    public int? DisclosureApplicationId { get; set; }
    public int? VictimPersonId { get; set; }
    public bool ChildrenLinked { get; set; }

    /// <summary>The meeting it was placed on; null while it waits.</summary>
    public int? MeetingId { get; set; }

    /// <summary>Why the co-ordinator last took it off a meeting's agenda (kept here, not in the audit trail, as it may name people).</summary>
    public string? RemovedReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
}
