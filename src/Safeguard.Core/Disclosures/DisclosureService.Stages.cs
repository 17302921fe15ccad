using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.People;

namespace Safeguard.Core.Disclosures;

/// <summary>The stages, in the order of the work. A stage is recorded only at its turn: no skipping, no going back.</summary>
public sealed partial class DisclosureService
{
    /// <summary>Triage is done when the people the scheme needs are on the application.</summary>
    public async Task<Result<DisclosureApplication>> CompleteTriageAsync(int applicationId, int version, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.Triage, "triage", ct);
        if (error is not null)
        {
            return error;
        }

        var missing = MissingPeople(app!).ToList();
        if (missing.Count > 0)
        {
            return Result<DisclosureApplication>.Fail(missing.Select(m => new FieldError("People", m)).ToList());
        }

        return await MoveAsync(app!, DisclosureStage.CriteriaReview, "Triage completed", null, ct);
    }

    /// <summary>Who must be on an application before the CRU reviews it.</summary>
    public static IEnumerable<string> MissingPeople(DisclosureApplication app)
    {
        bool Has(ApplicationRole role) => app.People.Any(p => p.Role == role);
        if (app.Route == Route.RightToAsk && !Has(ApplicationRole.Applicant))
        {
            yield return "Add the applicant";
        }

        if (!Has(ApplicationRole.Subject))
        {
            yield return "Add the subject (the person the application is about)";
        }

        if (app.Scheme == Scheme.Dvds && !Has(ApplicationRole.PersonAtRisk))
        {
            yield return "Add the person at risk";
        }

        if (app.Scheme == Scheme.Csods && !Has(ApplicationRole.Child))
        {
            yield return "Add at least one child the subject has contact with";
        }
    }

    public async Task<Result<DisclosureApplication>> RecordCriteriaReviewAsync(int applicationId, int version, CriteriaReviewInput input, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.CriteriaReview, "a criteria review", ct);
        if (error is not null)
        {
            return error;
        }

        var rules = Rules(app!);
        var within = rules.Choice("WithinScheme", input.WithinScheme, "Select whether the application is within the scheme");
        var reasons = rules.Text("Reasons", input.Reasons, "the reasons for the decision", required: within == false);
        DateOnly? told = within == false ? rules.Date("ApplicantToldOn", input.ApplicantToldOn, "the date the applicant was told") : null;
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app!.WithinScheme = within;
        app.CriteriaReasons = reasons;
        app.ApplicantToldOn = told;
        if (within == false)
        {
            app.Outcome = DisclosureOutcome.NotWithinScheme;
            return await MoveAsync(app, DisclosureStage.Closed, "Not within the scheme: applicant told and record closed", reasons, ct);
        }

        var scheme = await settings.SchemeAsync(app.SchemeId, ct);
        return await MoveAsync(app, StageNames.Next(DisclosureStage.CriteriaReview, scheme!.MeetsApplicant), "Within the scheme", reasons, ct);
    }

    public async Task<Result<DisclosureApplication>> RecordMeetingAsync(int applicationId, int version, MeetingInput input, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.FaceToFace, "a face-to-face meeting", ct);
        if (error is not null)
        {
            return error;
        }

        var rules = Rules(app!);
        var metOn = rules.Date("MetOn", input.MetOn, "the date of the meeting");
        var place = rules.Text("Place", input.Place, "where the meeting took place", max: 200);
        var photo = rules.Text("PhotoIdentity", input.PhotoIdentity, "the photo identity seen", max: 200);
        var second = rules.Text("SecondIdentity", input.SecondIdentity, "the second identity document seen", max: 200);
        var notes = rules.Text("Notes", input.Notes, "notes of the meeting", required: false);
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app!.MetOn = metOn;
        app.MeetingPlace = place;
        app.PhotoIdentity = photo;
        app.SecondIdentity = second;
        app.MeetingNotes = notes;
        return await MoveAsync(app, DisclosureStage.Research, "Face-to-face meeting held and identity checked", $"{London.Format(metOn!.Value)}, {place}", ct);
    }

    /// <summary>One check of one source. Checks are added during research; they do not move the stage.</summary>
    public async Task<Result<ResearchCheck>> AddCheckAsync(int applicationId, CheckInput input, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.FirstAsync(a => a.Id == applicationId, ct);
        var rules = Rules(app);
        if (app.Stage != DisclosureStage.Research)
        {
            rules.Fail("SourceId", $"Checks are recorded at the research stage; this application is at {StageNames.Of(app.Stage).ToLowerInvariant()}");
        }

        if (!await db.ResearchSources.AnyAsync(s => s.Id == input.SourceId && s.IsActive, ct))
        {
            rules.Fail("SourceId", "Select the source checked");
        }

        var checkedOn = rules.Date("CheckedOn", input.CheckedOn, "the date of the check");
        var result = rules.Choice("Result", input.Result, "Select the result of the check");
        var summary = rules.Text("Summary", input.Summary, "a summary of what the check found");
        if (!rules.Ok)
        {
            return Result<ResearchCheck>.Fail(rules.Errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var check = new ResearchCheck
        {
            ApplicationId = app.Id, SourceId = input.SourceId, CheckedOn = checkedOn!.Value, Result = result!.Value, Summary = summary!,
            RecordedAt = Now, RecordedByUserId = actor.ActorUserId,
        };
        db.ResearchChecks.Add(check);
        var source = await db.ResearchSources.Where(s => s.Id == input.SourceId).Select(s => s.Name).FirstAsync(ct);
        Timeline(app, "Check recorded", $"{source}: {CheckResultNames.Of(check.Result)}");
        await db.SaveChangesAsync(ct);
        write.Record("disclosure.check-recorded", "DisclosureApplication", Id(app), after: new { check.Id, check.SourceId, Result = check.Result.ToString(), check.CheckedOn });
        await write.CommitAsync(ct);
        return Result<ResearchCheck>.Ok(check);
    }

    public async Task<Result<DisclosureApplication>> CompleteResearchAsync(int applicationId, int version, ResearchInput input, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.Research, "the end of research", ct);
        if (error is not null)
        {
            return error;
        }

        var rules = Rules(app!);
        if (!await db.ResearchChecks.AnyAsync(c => c.ApplicationId == app!.Id, ct))
        {
            rules.Fail("Checks", "Record at least one check before completing research");
        }

        if (await db.ResearchChecks.AnyAsync(c => c.ApplicationId == app!.Id && c.Result == CheckResult.AwaitingReply, ct))
        {
            rules.Fail("Checks", "Some checks are still awaiting a reply: record their results first");
        }

        var level = rules.Choice("RiskLevel", input.RiskLevel, "Select the level of risk");
        var assessment = rules.Text("RiskAssessment", input.RiskAssessment, "the risk assessment");
        var rso = app!.Scheme == Scheme.Csods
            ? rules.Choice("SubjectIsRegisteredSexOffender", input.SubjectIsRegisteredSexOffender, "Select whether the subject is a registered sex offender")
            : null;
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app.RiskLevel = level;
        app.RiskAssessment = assessment;
        app.SubjectIsRegisteredSexOffender = rso;
        app.ResearcherUserId = actor.ActorUserId;
        var note = level == RiskLevel.High ? "High risk: refer to MARAC and to an IDVA" : null;
        return await MoveAsync(app, DisclosureStage.Decision, $"Research completed: {level!.Value.ToString().ToLowerInvariant()} risk", note, ct);
    }

    public async Task<Result<DisclosureApplication>> RecordDecisionAsync(int applicationId, int version, DecisionInput input, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.Decision, "a decision", ct);
        if (error is not null)
        {
            return error;
        }

        var rules = Rules(app!);
        // Four eyes: whoever researched (completed the research or recorded any of its checks) does not decide.
        if (app!.ResearcherUserId is not null && app.ResearcherUserId == actor.ActorUserId
            || await db.ResearchChecks.AnyAsync(c => c.ApplicationId == app.Id && c.RecordedByUserId == actor.ActorUserId, ct))
        {
            rules.Fail("Disclose", "You researched this application, so someone else must make the decision");
        }

        var disclose = rules.Choice("Disclose", input.Disclose, "Select whether to disclose");
        var decidedOn = rules.Date("DecidedOn", input.DecidedOn, "the date of the decision");
        string? wording = null, noReason = null, officer = null;
        int? recipient = null;
        bool? tellSubject = null;
        if (disclose == true)
        {
            wording = rules.Text("Wording", input.Wording, "what will be disclosed");
            recipient = input.RecipientPersonId;
            if (recipient is null || !app.People.Any(p => p.PersonId == recipient && p.Role != ApplicationRole.Subject))
            {
                rules.Fail("RecipientPersonId", "Select who will receive the disclosure");
            }

            officer = input.DisclosureOfficerUserId;
            if (officer is null || !await DisclosureOfficers(app.AreaId).AnyAsync(u => u.Id == officer, ct))
            {
                rules.Fail("DisclosureOfficerUserId", "Select the disclosure officer who will deliver it");
            }

            tellSubject = rules.Choice("SubjectToBeTold", input.SubjectToBeTold, "Select whether the subject will be told about the disclosure");
        }
        else if (disclose == false)
        {
            noReason = rules.Text("NoDisclosureReason", input.NoDisclosureReason, "why there will be no disclosure");
        }

        var lawful = rules.Text("Lawful", input.Lawful, "why the decision is lawful");
        var necessary = rules.Text("Necessary", input.Necessary, "why the decision is necessary");
        var proportionate = rules.Text("Proportionate", input.Proportionate, "why the decision is proportionate");
        var pressing = rules.Text("PressingNeed", input.PressingNeed, "whether there is a pressing need", required: disclose == true);
        var other = rules.Text("OtherSafeguarding", input.OtherSafeguarding, "other safeguarding action", required: false);
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app.Disclose = disclose;
        app.DecidedOn = decidedOn;
        app.DisclosureWording = wording;
        app.RecipientPersonId = recipient;
        app.DisclosureOfficerUserId = officer;
        app.SubjectToBeTold = tellSubject;
        app.NoDisclosureReason = noReason;
        app.Lawful = lawful;
        app.Necessary = necessary;
        app.Proportionate = proportionate;
        app.PressingNeed = pressing;
        app.OtherSafeguarding = other;
        app.DecidedByUserId = actor.ActorUserId;
        return await MoveAsync(app, DisclosureStage.Disclosure, disclose == true ? "Decision: disclose" : "Decision: no disclosure", null, ct, async write =>
        {
            if (recipient is int r && !app.People.Any(p => p.PersonId == r && p.Role == ApplicationRole.Recipient))
            {
                await AddPersonRowAsync(app, r, ApplicationRole.Recipient, null, write, ct);
            }
        });
    }

    public async Task<Result<DisclosureApplication>> RecordDeliveryAsync(int applicationId, int version, DeliveryInput input, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.Disclosure, "a disclosure", ct);
        if (error is not null)
        {
            return error;
        }

        var rules = Rules(app!);
        if (app!.Disclose != true)
        {
            rules.Fail("DeliveredOn", "The decision was not to disclose: record that the applicant was informed instead");
        }

        var on = rules.Date("DeliveredOn", input.DeliveredOn, "the date of the disclosure", app.DecidedOn, "the date of the decision");
        var place = rules.Text("Place", input.Place, "where the disclosure was made", max: 200);
        var present = rules.Text("Present", input.Present, "who was present");
        if (input.ConfidentialityExplained != true)
        {
            rules.Fail("ConfidentialityExplained", "Confirm that confidentiality was explained to the recipient");
        }

        var response = rules.Text("RecipientResponse", input.RecipientResponse, "the recipient's response");
        var plan = rules.Text("SafetyPlan", input.SafetyPlan, "the safety plan");
        var referrals = rules.Text("Referrals", input.Referrals, "referrals made", required: false);
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app.DeliveredOn = on;
        app.DeliveryPlace = place;
        app.PresentAtDelivery = present;
        app.ConfidentialityExplained = true;
        app.RecipientResponse = response;
        app.SafetyPlan = plan;
        app.Referrals = referrals;
        app.Outcome = DisclosureOutcome.DisclosureMade;
        return await MoveAsync(app, DisclosureStage.Closed, "Disclosure made and record closed", $"{London.Format(on!.Value)}, {place}", ct);
    }

    public async Task<Result<DisclosureApplication>> RecordApplicantInformedAsync(int applicationId, int version, ApplicantInformedInput input, CancellationToken ct = default)
    {
        var (app, error) = await LoadAtAsync(applicationId, version, DisclosureStage.Disclosure, "that the applicant was informed", ct);
        if (error is not null)
        {
            return error;
        }

        var rules = Rules(app!);
        if (app!.Disclose != false)
        {
            rules.Fail("InformedOn", "The decision was to disclose: record the disclosure instead");
        }

        var on = rules.Date("InformedOn", input.InformedOn, "the date the applicant was informed", app.DecidedOn, "the date of the decision");
        var how = rules.Text("How", input.How, "how the applicant was informed", max: 200);
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app.ApplicantInformedOn = on;
        app.ApplicantInformedHow = how;
        app.Outcome = DisclosureOutcome.NoDisclosure;
        return await MoveAsync(app, DisclosureStage.Closed, "Applicant informed: no disclosure; record closed", how, ct);
    }

    /// <summary>Closing before the end of the line: withdrawn, unable to contact, or handled by other safeguarding action.</summary>
    public async Task<Result<DisclosureApplication>> CloseEarlyAsync(int applicationId, int version, ClosureInput input, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.Include(a => a.People).FirstAsync(a => a.Id == applicationId, ct);
        if (Stale(app, version) is { } stale)
        {
            return stale;
        }

        var rules = Rules(app);
        if (!app.IsOpen)
        {
            rules.Fail("Outcome", "This application is already closed");
        }

        if (input.Outcome is not DisclosureOutcome outcome || !OutcomeNames.EarlyClosures.Contains(outcome))
        {
            rules.Fail("Outcome", "Select why the application is being closed");
        }

        var notes = rules.Text("Notes", input.Notes, "the reason for closing");
        if (!rules.Ok)
        {
            return Result<DisclosureApplication>.Fail(rules.Errors);
        }

        app.Outcome = input.Outcome;
        app.OutcomeNotes = notes;
        return await MoveAsync(app, DisclosureStage.Closed, $"Closed: {OutcomeNames.Of(input.Outcome!.Value).ToLowerInvariant()}", notes, ct);
    }

    private FormRules Rules(DisclosureApplication app) => new(London.Today(clock), London.DateOf(app.ReceivedAt));

    private async Task<(DisclosureApplication? App, Result<DisclosureApplication>? Error)> LoadAtAsync(
        int applicationId, int version, DisclosureStage expected, string what, CancellationToken ct)
    {
        var app = await db.DisclosureApplications.Include(a => a.People).FirstAsync(a => a.Id == applicationId, ct);
        if (Stale(app, version) is { } stale)
        {
            return (null, stale);
        }

        if (app.Stage != expected)
        {
            return (null, Fail("Stage", app.IsOpen
                ? $"This application is at {StageNames.Of(app.Stage).ToLowerInvariant()}, so {what} cannot be recorded now"
                : $"This application is closed, so {what} cannot be recorded"));
        }

        return (app, null);
    }

    /// <summary>The one place a stage changes: closes the current period, opens the next, moves the clocks, records it all.</summary>
    private async Task<Result<DisclosureApplication>> MoveAsync(DisclosureApplication app, DisclosureStage to, string title, string? detail,
        CancellationToken ct, Func<AuditedWrite, Task>? alsoInWrite = null)
    {
        var now = Now;
        var from = app.Stage;
        var scheme = await settings.SchemeAsync(app.SchemeId, ct);
        var calendar = await settings.CalendarAsync(ct);
        await using var write = await audit.BeginAsync(ct);
        var current = await db.StagePeriods.Where(p => p.ApplicationId == app.Id && p.LeftAt == null).ToListAsync(ct);
        foreach (var period in current)
        {
            period.LeftAt = now;
        }

        db.StagePeriods.Add(new StagePeriod { ApplicationId = app.Id, Stage = to, EnteredAt = now, LeftAt = to == DisclosureStage.Closed ? now : null, ByUserId = actor.ActorUserId });
        app.Stage = to;
        app.StageEnteredAt = now;
        if (to == DisclosureStage.Closed)
        {
            app.ClosedAt = now;
        }

        ApplicationClock.Apply(app, scheme!.Clocks, calendar);
        Touch(app);
        Timeline(app, title, detail);
        if (to == DisclosureStage.Closed)
        {
            // The dashboard's monthly roll-up gains this application now, in this transaction. The periods come back
            // as the tracked ones, so those just ended carry their LeftAt.
            var periods = await db.StagePeriods.Where(p => p.ApplicationId == app.Id).ToListAsync(ct);
            await figureCells.AddClosedAsync(app, periods, ct);
        }

        if (alsoInWrite is not null)
        {
            try
            {
                await alsoInWrite(write);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Fail("Version", StaleMessage);
            }
        }

        write.Record("disclosure.stage-changed", "DisclosureApplication", Id(app),
            before: new { Stage = from.ToString() }, after: new { Stage = to.ToString(), Outcome = app.Outcome?.ToString() });
        return await SaveAsync(app, write, ct);
    }
}
