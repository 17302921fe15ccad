using Safeguard.Core.People;

namespace Safeguard.Core.Dramm;

/// <summary>
/// One day's DRAMM in one area: its times (from the area's week when the list was first prepared) and its cases.
/// Every possible case found in the window is kept, on the list or not, with the rule that decided and any
/// reason the co-ordinator gave for overruling it.
/// </summary>
public sealed class DrammMeeting
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime ReleaseByUtc { get; set; }
    public DateTime MeetsAtUtc { get; set; }
    public DateTime WindowFromUtc { get; set; }
    public DateTime WindowToUtc { get; set; }
    public DateTime PreparedAt { get; set; }
    public string? PreparedByUserId { get; set; }

    /// <summary>When the minutes went to the attending agencies; until then only the co-ordinators see them.</summary>
    public DateTime? MinutesReleasedAt { get; set; }
    public string? MinutesReleasedByUserId { get; set; }
    public int Version { get; set; }
    public List<DrammCase> Cases { get; set; } = [];
}

/// <summary>A possible case of a meeting: where it came from, what the rules made of it, and whether it is on the list.</summary>
public sealed class DrammCase
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public CaseSource Source { get; set; }

    /// <summary>The kind of record it came from, and its id.</summary>
    public CaseRecord Record { get; set; }

    public int RecordId { get; set; }

    public required string Reference { get; set; }
    public DateTime At { get; set; }
    public RiskLevel? Risk { get; set; }
    public bool ChildrenLinked { get; set; }
    public bool VictimConsented { get; set; }
    public bool IsMaracRepeat { get; set; }

    /// <summary>What the rules said: eligible or not, why, and in which agenda group.</summary>
    public bool Eligible { get; set; }
    public required string Reason { get; set; }
    public AgendaGroup? Group { get; set; }

    /// <summary>On the list: the rules' view, unless the co-ordinator added or removed it, saying why.</summary>
    public bool OnList { get; set; }
    public string? OverruledReason { get; set; }
    public string? OverruledByUserId { get; set; }

    /// <summary>Place on the agenda, from 1; 0 when not on the list.</summary>
    public int Position { get; set; }

    // What the meeting agreed (protocol 2.24–2.28), recorded by the chair or co-ordinator.
    public bool? ChildrenConfirmed { get; set; }
    public bool? DetailsConfirmed { get; set; }
    public RiskLevel? AgreedRisk { get; set; }
    public string? RiskRationale { get; set; }
    public MaracDecision? Decision { get; set; }
    public string? DecisionRationale { get; set; }
    public DateTime? OutcomeRecordedAt { get; set; }
    public string? OutcomeRecordedByUserId { get; set; }
    public int Version { get; set; }

    public DrammCandidate AsCandidate() => new(Source, Reference, At, Risk, ChildrenLinked, VictimConsented, IsMaracRepeat);

    /// <summary>Where its record is, for the people allowed to open it.</summary>
    public string RecordPath => Record switch
    {
        CaseRecord.DisclosureApplication => $"/disclosures/{RecordId}",
        CaseRecord.PoliceIncident => $"/incidents/{RecordId}",
        CaseRecord.ProtectionOrder => $"/protection-orders/{RecordId}",
        _ => $"/referrals/{RecordId}",
    };
}

/// <summary>Whether the DRAMM refers a case to MARAC, and for what kind of discussion.</summary>
public enum MaracDecision
{
    NotReferred,
    FullDiscussion,
    SignificantUpdate,
    InformationOnly,
}

public enum CaseRecord
{
    Referral,
    PoliceIncident,
    DisclosureApplication,
    ProtectionOrder,
}
