namespace Safeguard.Core.Actions;

/// <summary>
/// One action agreed at a meeting: what, which agency owns it and which of its people, by when, and how it stands.
/// One log for the whole product: each action names the case it came from (a DRAMM case now; MARAC cases and others
/// later) by kind, id and reference. Each agency sees and updates its own.
/// </summary>
public sealed class CaseAction
{
    public int Id { get; set; }
    public ActionSource Source { get; set; }
    public int SourceId { get; set; }

    /// <summary>The case's reference (never a name), for lists, notifications and emails.</summary>
    public required string Reference { get; set; }

    public int AreaId { get; set; }
    public int OwnerAgencyId { get; set; }
    public required string OwnerUserId { get; set; }
    public required string Description { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletionEvidence { get; set; }
    public int Version { get; set; }

    /// <summary>When the owner was told the action is due within 3 days, and when that it is overdue: each is said once.</summary>
    public DateTime? DueSoonNotifiedAt { get; set; }

    public DateTime? OverdueNotifiedAt { get; set; }
    public List<ActionUpdate> Updates { get; set; } = [];

    public bool IsFinished => Status is ActionStatus.Done or ActionStatus.NotDoneCircumstancesChanged or ActionStatus.NotDone;

    public bool IsOverdue(DateOnly today) => !IsFinished && DueOn < today;
}

/// <summary>A dated update on an action by its owner agency: the status it moved to and what was done.</summary>
public sealed class ActionUpdate
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public ActionStatus Status { get; set; }
    public required string Note { get; set; }
}

public enum ActionSource
{
    DrammCase,
    MaracCase,
}

public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    NotDoneCircumstancesChanged,
    NotDone,
}

public static class ActionStatusNames
{
    public static string Of(ActionStatus s) => s switch
    {
        ActionStatus.Open => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        ActionStatus.NotDoneCircumstancesChanged => "Not done: circumstances changed",
        _ => "Not done",
    };
}
