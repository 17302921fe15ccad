namespace Safeguard.Core.People;

/// <summary>A record that someone contacted the person, and by what channel. Unsafe channels are refused, not recorded.</summary>
public sealed class PersonContact
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public ContactChannels Channel { get; set; }
    public DateTime OccurredAt { get; set; }
    public required string ByUserId { get; set; }
    public string? Note { get; set; }
}

/// <summary>Two records found to be one person. Kept after reversal, so the history of the decision stays.</summary>
public sealed class PersonMerge
{
    public int Id { get; set; }
    public int SurvivorId { get; set; }
    public int MergedId { get; set; }
    public required string Reason { get; set; }
    public DateTime MergedAt { get; set; }
    public required string MergedByUserId { get; set; }
    public DateTime? ReversedAt { get; set; }
    public string? ReversedByUserId { get; set; }
    public string? ReversalReason { get; set; }
}
