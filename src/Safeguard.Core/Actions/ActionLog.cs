using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.Actions;

public sealed record NewAction(ActionSource Source, int SourceId, string Reference, int AreaId, int? OwnerAgencyId, string? OwnerUserId, string? Description, DateOnly? DueOn);

public sealed record ActionUpdateInput(ActionStatus? Status, string? Note, string? CompletionEvidence, int Version);

/// <summary>
/// Sets actions and records their progress. The owner is told at once (notification, and email when on). Only the
/// owner agency updates an action; which users may set one, and on which cases, is the calling page's scope.
/// </summary>
public sealed class ActionLog(SafeguardDbContext db, AuditTrail audit, AuditContext actor, Notifier notifier, TimeProvider clock)
{
    public const string StaleMessage = "Someone else updated this action while you were working on it. Check it and try again.";

    public static string PathOf(CaseAction a) => $"/actions/{a.Id}";

    public async Task<Result<CaseAction>> AddAsync(NewAction input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description is null)
        {
            errors.Add(new("Description", "Enter what is to be done"));
        }
        else if (description.Length > 2000)
        {
            errors.Add(new("Description", "The action must be 2000 characters or fewer"));
        }

        if (input.OwnerAgencyId is not int agency || !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, ct))
        {
            errors.Add(new("OwnerAgencyId", "Select the agency that owns the action"));
        }
        else if (input.OwnerUserId is null || !await db.Users.AnyAsync(u => u.Id == input.OwnerUserId && u.AgencyId == agency && !u.IsDisabled, ct))
        {
            errors.Add(new("OwnerUserId", "Select the person in that agency who will do it"));
        }

        var today = London.Today(clock);
        if (input.DueOn is not DateOnly due)
        {
            errors.Add(new("DueOn", "Enter the date the action is due"));
        }
        else if (due < today)
        {
            errors.Add(new("DueOn", "The due date must be today or in the future"));
        }

        if (errors.Count > 0)
        {
            return Result<CaseAction>.Fail(errors);
        }

        var action = new CaseAction
        {
            Source = input.Source, SourceId = input.SourceId, Reference = input.Reference, AreaId = input.AreaId, OwnerAgencyId = input.OwnerAgencyId!.Value,
            OwnerUserId = input.OwnerUserId!, Description = description!, DueOn = input.DueOn!.Value, Status = ActionStatus.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = actor.ActorUserId, Version = 1,
        };
        await using var write = await audit.BeginAsync(ct);
        db.CaseActions.Add(action);
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync([action.OwnerUserId], NotificationKind.ActionAssigned, PathOf(action), action.Reference, ct);
        write.Record("action.created", "CaseAction", action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: new { Source = action.Source.ToString(), action.SourceId, action.OwnerAgencyId, action.OwnerUserId, action.DueOn });
        await write.CommitAsync(ct);
        return Result<CaseAction>.Ok(action);
    }

    /// <summary>The owner agency's update: a status and what was done; finishing as done needs the evidence.</summary>
    /// <param name="atMaracMeetingId">Set when the co-ordinator types the owner agency's update in at a MARAC: the audit says so.</param>
    public async Task<Result<CaseAction>> UpdateAsync(int actionId, int byAgencyId, ActionUpdateInput input, CancellationToken ct = default, int? atMaracMeetingId = null)
    {
        var action = await db.CaseActions.FirstAsync(a => a.Id == actionId, ct);
        if (action.OwnerAgencyId != byAgencyId)
        {
            return Result<CaseAction>.Fail(new FieldError("Status", "Only the agency that owns this action can update it"));
        }

        if (action.Version != input.Version)
        {
            return Result<CaseAction>.Fail(new FieldError("Status", StaleMessage));
        }

        var errors = new List<FieldError>();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var evidence = string.IsNullOrWhiteSpace(input.CompletionEvidence) ? null : input.CompletionEvidence.Trim();
        if (input.Status is null)
        {
            errors.Add(new("Status", "Select where the action stands"));
        }

        if (note is null)
        {
            errors.Add(new("Note", "Enter what has been done"));
        }
        else if (note.Length > 2000)
        {
            errors.Add(new("Note", "The update must be 2000 characters or fewer"));
        }

        if (input.Status == ActionStatus.Done && evidence is null)
        {
            errors.Add(new("CompletionEvidence", "Enter the evidence that the action is done, such as the referral made or the visit's date"));
        }
        else if (evidence is { Length: > 2000 })
        {
            errors.Add(new("CompletionEvidence", "The evidence must be 2000 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<CaseAction>.Fail(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var write = await audit.BeginAsync(ct);
        var before = action.Status;
        var wasFinished = action.IsFinished;
        action.Status = input.Status!.Value;
        // Finished when it first became finished; a later note on a finished action does not move that date.
        action.CompletedAt = !action.IsFinished ? null : wasFinished ? action.CompletedAt : now;
        action.CompletionEvidence = action.Status == ActionStatus.Done ? evidence : null;
        action.Version++;
        db.ActionUpdates.Add(new ActionUpdate { ActionId = action.Id, At = now, ByUserId = actor.ActorUserId, Status = action.Status, Note = note! });
        write.Record("action.updated", "CaseAction", action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { Status = before.ToString() }, after: new { Status = action.Status.ToString() });
        if (atMaracMeetingId is int meetingId)
        {
            write.Record("marac.action-update-recorded", "MaracMeeting", meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                summary: action.Reference, after: new { ActionId = action.Id, ByAgencyId = byAgencyId, Status = action.Status.ToString() });
        }

        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<CaseAction>.Fail(new FieldError("Status", StaleMessage));
        }

        return Result<CaseAction>.Ok(action);
    }
}
