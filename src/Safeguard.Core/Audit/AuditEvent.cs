namespace Safeguard.Core.Audit;

/// <summary>
/// One append-only entry of the audit trail. Each carries the hash of the one before, so a deleted or
/// edited entry breaks the chain at that point.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    /// <summary>Gapless position in the chain; unique, so two writers can never fork it.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? ActorUserId { get; set; }
    public required string Action { get; set; }
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }
    public string? Summary { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
