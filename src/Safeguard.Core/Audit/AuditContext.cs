namespace Safeguard.Core.Audit;

/// <summary>Who is acting in this unit of work: a signed-in user, an API client, or an operator's command.</summary>
public sealed class AuditContext
{
    public string? ActorUserId { get; set; }
}
