using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.People;

namespace Safeguard.Core.Disclosures;

/// <summary>
/// Every change to a disclosure application goes through here: first contact, people, allocation, urgency, delays,
/// and (in the Stages file) each stage. Each method checks the stage and the form's version, validates, saves
/// in one transaction with its audit events, and adds a line to the record's timeline.
/// Who may call which method is the page's and the scope handler's business; this class enforces the rules of
/// the work itself (stage order, four eyes, dates).
/// </summary>
public sealed partial class DisclosureService(
    SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock, DisclosureSettings settings, PersonService people,
    Reporting.FigureCells figureCells, Notifier notifier)
{
    public const string StaleMessage = "Someone else changed this application while you were working on it. Check the record and try again.";

    public async Task<Result<DisclosureApplication>> CreateAsync(FirstContact input, CancellationToken ct = default) =>
        (await CreateOrReplayAsync(input, ct)).Result;

    /// <summary>
    /// A submitting system that retries sends its reference again: it gets the first application back, not a
    /// second one, and is told it was a replay (the API answers 200 rather than 201).
    /// </summary>
    public async Task<(Result<DisclosureApplication> Result, bool Replayed)> CreateOrReplayAsync(FirstContact input, CancellationToken ct = default)
    {
        if (input.ClientReference is { Length: > 0 } clientReference
            && await db.DisclosureApplications.FirstOrDefaultAsync(a => a.ClientReference == clientReference, ct) is { } existing)
        {
            return (Result<DisclosureApplication>.Ok(existing), true);
        }

        return (await CreateNewAsync(input, ct), false);
    }

    private async Task<Result<DisclosureApplication>> CreateNewAsync(FirstContact input, CancellationToken ct)
    {

        var now = Now;
        var today = London.Today(clock);
        var rules = new FormRules(today, London.DateOf(input.ReceivedAt));
        var scheme = await settings.SchemeAsync(input.Scheme, input.Route, ct);
        if (scheme is null || !scheme.IsActive)
        {
            rules.Fail("Scheme", "Select a scheme that is in use");
        }

        if (input.ReceivedAt > now)
        {
            rules.Fail("ReceivedOn", "The date and time received must be in the past");
        }

        var prompted = rules.Text("WhatPrompted", input.WhatPrompted, "what prompted the application");
        var safeWay = rules.Text("SafeContactWay", input.SafeContactWay, "a safe way to contact the applicant", required: false, max: 200);
        var safeTimes = rules.Text("SafeContactTimes", input.SafeContactTimes, "safe times to contact the applicant", required: false, max: 200);
        string? risk = null, action = null;
        if (input.ImmediateRisk)
        {
            risk = rules.Text("RiskDescription", input.RiskDescription, "who is at immediate risk and why");
            action = rules.Text("SafeguardingAction", input.SafeguardingAction, "the safeguarding action taken");
        }

        if (input.ClientReference is { Length: > 100 })
        {
            rules.Fail("ClientReference", "Client reference must be 100 characters or fewer");
        }

        if (!await db.Areas.AnyAsync(a => a.Id == input.AreaId && a.IsActive, ct))
        {
            rules.Fail("AreaId", "Select an area");
        }

        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        var app = new DisclosureApplication
        {
            SchemeId = scheme!.Id, Scheme = scheme.Scheme, Route = scheme.Route, AreaId = input.AreaId,
            Stage = DisclosureStage.Triage, StageEnteredAt = now, ReceivedAt = input.ReceivedAt, ReceivedVia = input.ReceivedVia,
            WhatPrompted = prompted!, SafeContactWay = safeWay, SafeContactTimes = safeTimes,
            Urgent = input.ImmediateRisk, ImmediateRisk = risk, SafeguardingAction = action,
            ClientReference = input.ClientReference, SubmittedDetails = input.SubmittedDetails,
            CreatedAt = now, CreatedByUserId = actor.ActorUserId, Version = 1,
        };
        ApplicationClock.Apply(app, scheme.Clocks, await settings.CalendarAsync(ct));

        await using var write = await audit.BeginAsync(ct);
        db.DisclosureApplications.Add(app);
        await db.SaveChangesAsync(ct);
        db.StagePeriods.Add(new StagePeriod { ApplicationId = app.Id, Stage = DisclosureStage.Triage, EnteredAt = now, ByUserId = actor.ActorUserId });
        Timeline(app, "Application received", $"{scheme.Name}, {ReceivedViaNames.Of(app.ReceivedVia)}");
        if (app.Urgent)
        {
            Timeline(app, "Marked urgent: immediate risk", "Supervisors alerted on the board and by notification. Safeguarding action: " + action);
        }

        if (app.Urgent)
        {
            await AlertSupervisorsAsync(app, ct);
        }

        write.Record("disclosure.created", "DisclosureApplication", Id(app), after: Snapshot(app));
        await write.CommitAsync(ct);
        return Result<DisclosureApplication>.Ok(app);
    }

    /// <summary>Adds someone from the person index in a role, and records the involvement on their profile.</summary>
    public async Task<Result<ApplicationPerson>> AddPersonAsync(int applicationId, int personId, ApplicationRole role, string? relationship, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.Include(a => a.People).FirstAsync(a => a.Id == applicationId, ct);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        var errors = new List<FieldError>();
        if (!app.IsOpen)
        {
            errors.Add(new("Role", "This application is closed"));
        }

        if (person is null)
        {
            errors.Add(new("PersonId", "Select a person"));
        }
        else
        {
            personId = person.CanonicalId;
            if (app.People.Any(p => p.PersonId == personId && p.Role == role))
            {
                errors.Add(new("Role", $"This person is already on the application as {ApplicationRoleNames.Of(role).ToLowerInvariant()}"));
            }

            if (role == ApplicationRole.Subject && app.People.Any(p => p.PersonId == personId && p.Role is ApplicationRole.PersonAtRisk or ApplicationRole.Child or ApplicationRole.Applicant)
                || role != ApplicationRole.Subject && app.People.Any(p => p.PersonId == personId && p.Role == ApplicationRole.Subject))
            {
                errors.Add(new("Role", "The subject cannot also be the applicant, the person at risk or a child on the same application"));
            }

            var birth = (await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).FirstAsync(ct));
            if (birth is DateOnly dob && dob > London.DateOf(app.ReceivedAt))
            {
                errors.Add(new("PersonId", $"This person's date of birth ({London.Format(dob)}) is after the date the application was received"));
            }
        }

        var text = relationship?.Trim();
        if (text is { Length: > 200 })
        {
            errors.Add(new("Relationship", "Relationship must be 200 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<ApplicationPerson>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var row = await AddPersonRowAsync(app, personId, role, string.IsNullOrEmpty(text) ? null : text, write, ct);
        Timeline(app, $"{ApplicationRoleNames.Of(role)} added", Person.FormatReference(personId));
        await write.CommitAsync(ct);
        return Result<ApplicationPerson>.Ok(row);
    }

    private async Task<ApplicationPerson> AddPersonRowAsync(DisclosureApplication app, int personId, ApplicationRole role, string? relationship, AuditedWrite write, CancellationToken ct)
    {
        var row = new ApplicationPerson { ApplicationId = app.Id, PersonId = personId, Role = role, Relationship = relationship, AddedAt = Now };
        db.ApplicationPeople.Add(row);
        await db.SaveChangesAsync(ct);
        await people.RecordInvolvementAsync(new PersonInvolvement
        {
            PersonId = personId, AreaId = app.AreaId, Kind = InvolvementKind.DisclosureApplication, Role = ApplicationRoleNames.CaseRoleOf(role),
            OccurredAt = app.ReceivedAt, Reference = app.Reference, PoliceReported = true,
        }, write, ct);
        write.Record("disclosure.person-added", "DisclosureApplication", Id(app), after: new { row.PersonId, Role = role.ToString() });
        return row;
    }

    /// <summary>Gives the application to a CRU member (or takes it back). Only active users working in its area qualify.</summary>
    public async Task<Result<DisclosureApplication>> AllocateAsync(int applicationId, int version, string? ownerUserId, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.FirstAsync(a => a.Id == applicationId, ct);
        if (Stale(app, version) is { } stale)
        {
            return stale;
        }

        if (!app.IsOpen)
        {
            return Fail("OwnerUserId", "This application is closed");
        }

        if (ownerUserId is null || !await AllocatableUsers(app.AreaId).AnyAsync(u => u.Id == ownerUserId, ct))
        {
            return Fail("OwnerUserId", "Select someone in the CRU who works in this application's area");
        }

        if (ownerUserId == app.OwnerUserId)
        {
            return Fail("OwnerUserId", "The application is already allocated to this person");
        }

        var names = await db.Users.Where(u => u.Id == ownerUserId || u.Id == app.OwnerUserId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        await using var write = await audit.BeginAsync(ct);
        var before = app.OwnerUserId;
        app.OwnerUserId = ownerUserId;
        Touch(app);
        Timeline(app, before is null ? "Allocated" : "Reassigned",
            before is null ? $"To {names[ownerUserId]}" : $"From {names.GetValueOrDefault(before, "a former user")} to {names[ownerUserId]}");
        if (ownerUserId != actor.ActorUserId)
        {
            await notifier.NotifyAsync([ownerUserId], NotificationKind.ApplicationAllocated, $"/disclosures/{app.Id}", app.Reference, ct);
        }

        write.Record("disclosure.allocated", "DisclosureApplication", Id(app), before: new { OwnerUserId = before }, after: new { OwnerUserId = ownerUserId });
        return await SaveAsync(app, write, ct);
    }

    /// <summary>The users a supervisor may allocate to: active CRU staff of the application's area.</summary>
    public IQueryable<User> AllocatableUsers(int areaId)
    {
        string[] cru = [Roles.CruResearcher, Roles.CruDecisionMaker, Roles.CruSupervisor, Roles.DisclosureOfficer];
        var roleIds = db.Roles.Where(r => cru.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => !u.IsDisabled
            && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == areaId)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    /// <summary>The CRU supervisors of the application's area hear of an urgent application at once, by notification and email.</summary>
    private async Task AlertSupervisorsAsync(DisclosureApplication app, CancellationToken ct)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.CruSupervisor).Select(r => r.Id);
        var supervisors = await db.Users
            .Where(u => u.Id != actor.ActorUserId && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == app.AreaId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)))
            .Select(u => u.Id)
            .ToListAsync(ct);
        await notifier.NotifyAsync(supervisors, NotificationKind.UrgentApplication, $"/disclosures/{app.Id}", app.Reference, ct);
    }

    /// <summary>The disclosure officers who may deliver in an area.</summary>
    public IQueryable<User> DisclosureOfficers(int areaId)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.DisclosureOfficer).Select(r => r.Id);
        return db.Users.Where(u => !u.IsDisabled
            && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == areaId)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
    }

    /// <summary>Immediate risk found at any stage: the application becomes urgent and supervisors see it at the top of the board.</summary>
    public async Task<Result<DisclosureApplication>> MarkUrgentAsync(int applicationId, int version, UrgentInput input, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.FirstAsync(a => a.Id == applicationId, ct);
        if (Stale(app, version) is { } stale)
        {
            return stale;
        }

        var rules = new FormRules(London.Today(clock), London.DateOf(app.ReceivedAt));
        if (!app.IsOpen)
        {
            rules.Fail("RiskDescription", "This application is closed");
        }

        var risk = rules.Text("RiskDescription", input.RiskDescription, "who is at immediate risk and why");
        var action = rules.Text("SafeguardingAction", input.SafeguardingAction, "the safeguarding action taken");
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        await using var write = await audit.BeginAsync(ct);
        app.Urgent = true;
        app.ImmediateRisk = risk;
        app.SafeguardingAction = action;
        app.UrgentAcknowledgedAt = null;
        app.UrgentAcknowledgedByUserId = null;
        Touch(app);
        Timeline(app, "Marked urgent: immediate risk", "Supervisors alerted on the board and by notification. Safeguarding action: " + action);
        await AlertSupervisorsAsync(app, ct);
        write.Record("disclosure.marked-urgent", "DisclosureApplication", Id(app), after: new { app.Urgent });
        return await SaveAsync(app, write, ct);
    }

    public async Task<Result<DisclosureApplication>> AcknowledgeUrgentAsync(int applicationId, int version, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.FirstAsync(a => a.Id == applicationId, ct);
        if (Stale(app, version) is { } stale)
        {
            return stale;
        }

        if (!app.IsOpen)
        {
            return Fail("Urgent", "This application is closed");
        }

        if (!app.Urgent || app.UrgentAcknowledgedAt is not null)
        {
            return Fail("Urgent", "There is no urgent alert to acknowledge on this application");
        }

        await using var write = await audit.BeginAsync(ct);
        app.UrgentAcknowledgedAt = Now;
        app.UrgentAcknowledgedByUserId = actor.ActorUserId;
        Touch(app);
        Timeline(app, "Urgent alert acknowledged by a supervisor", null);
        write.Record("disclosure.urgent-acknowledged", "DisclosureApplication", Id(app));
        return await SaveAsync(app, write, ct);
    }

    /// <summary>Why an application is late and how people are kept safe meanwhile (IOPC: a plan whenever disclosure is delayed).</summary>
    public async Task<Result<DelayRecord>> RecordDelayAsync(int applicationId, DelayInput input, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.FirstAsync(a => a.Id == applicationId, ct);
        var rules = new FormRules(London.Today(clock), London.DateOf(app.ReceivedAt));
        if (!app.IsOpen)
        {
            rules.Fail("Reason", "This application is closed");
        }

        var reason = rules.Text("Reason", input.Reason, "the reason for the delay");
        var plan = rules.Text("SafeguardingPlan", input.SafeguardingPlan, "the safeguarding plan while the application is delayed");
        if (!rules.Ok)
        {
            return Result<DelayRecord>.Fail(rules.Errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var delay = new DelayRecord { ApplicationId = app.Id, Reason = reason!, SafeguardingPlan = plan!, RecordedAt = Now, RecordedByUserId = actor.ActorUserId };
        db.DelayRecords.Add(delay);
        Timeline(app, "Reason for delay and safeguarding plan recorded", reason);
        write.Record("disclosure.delay-recorded", "DisclosureApplication", Id(app), after: new { delay.Reason, delay.SafeguardingPlan });
        await write.CommitAsync(ct);
        return Result<DelayRecord>.Ok(delay);
    }

    /// <summary>Whether an overdue application still needs a reason for delay: none recorded since its clock ran out.</summary>
    public static bool NeedsDelayReason(DisclosureApplication app, DateTime? lastDelayRecordedAt, DateTime nowUtc) =>
        app.IsOpen && app.NextDueAt is DateTime due && due <= nowUtc && (lastDelayRecordedAt is null || lastDelayRecordedAt < due);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Id(DisclosureApplication app) => app.Id.ToString(CultureInfo.InvariantCulture);

    private void Touch(DisclosureApplication app) => app.Version++;

    private void Timeline(DisclosureApplication app, string title, string? detail) =>
        db.ApplicationEvents.Add(new ApplicationEvent { ApplicationId = app.Id, At = Now, ByUserId = actor.ActorUserId, Title = title, Detail = detail });

    private static Result<DisclosureApplication>? Stale(DisclosureApplication app, int version) =>
        app.Version == version ? null : Result<DisclosureApplication>.Fail(new FieldError("Version", StaleMessage));

    private static Result<DisclosureApplication> Fail(string field, string message) => Result<DisclosureApplication>.Fail(new FieldError(field, message));

    /// <summary>Saves under the version check: a racing second save loses plainly instead of overwriting.</summary>
    private async Task<Result<DisclosureApplication>> SaveAsync(DisclosureApplication app, AuditedWrite write, CancellationToken ct)
    {
        try
        {
            await write.CommitAsync(ct);
            return Result<DisclosureApplication>.Ok(app);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Fail("Version", StaleMessage);
        }
    }

    private static object Snapshot(DisclosureApplication a) => new
    {
        Scheme = a.Scheme.ToString(), Route = a.Route.ToString(), a.AreaId, Stage = a.Stage.ToString(), a.ReceivedAt,
        ReceivedVia = a.ReceivedVia.ToString(), a.Urgent, a.ClientReference, a.DueAt,
    };
}
