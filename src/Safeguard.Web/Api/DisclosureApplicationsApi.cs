using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;
using Route = Safeguard.Core.Disclosures.Route;

namespace Safeguard.Web.Api;

// ---- Requests. Every field is optional to the JSON reader so that a missing one is answered by name, not by a bare 400.

/// <summary>A Right to Ask application from the force website.</summary>
public sealed record NewApplicationRequest(
    string? ClientReference, Scheme? Scheme, int? AreaId, string? ReceivedAt, string? WhatPrompted,
    SafeContactRequest? SafeContact, ImmediateRiskRequest? ImmediateRisk, SubmittedPeopleRequest? People);

public sealed record SafeContactRequest(string? Way, string? Times);

public sealed record ImmediateRiskRequest(string? Description, string? SafeguardingAction);

public sealed record SubmittedPeopleRequest(
    SubmittedPersonRequest? Applicant, SubmittedPersonRequest? PersonAtRisk, SubmittedPersonRequest? Subject, IReadOnlyList<SubmittedPersonRequest?>? Children);

public sealed record SubmittedPersonRequest(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Relationship, SubmittedAddressRequest? Address);

public sealed record SubmittedAddressRequest(string? Line1, string? Line2, string? Town, string? Postcode);

/// <summary>A stage change names the version of the application it was prepared against.</summary>
public interface IVersionedRequest
{
    int? Version { get; }
}

public sealed record TriageCompleteRequest(int? Version) : IVersionedRequest;

public sealed record AddPersonRequest(int? Version, int? PersonId, ApplicationRole? Role, string? Relationship) : IVersionedRequest;

public sealed record CriteriaReviewRequest(int? Version, bool? WithinScheme, string? Reasons, DateOnly? ApplicantToldOn) : IVersionedRequest;

public sealed record MeetingRequest(int? Version, DateOnly? MetOn, string? Place, string? PhotoIdentity, string? SecondIdentity, string? Notes) : IVersionedRequest;

public sealed record CheckRequest(int? Version, int? SourceId, DateOnly? CheckedOn, CheckResult? Result, string? Summary) : IVersionedRequest;

public sealed record ResearchCompleteRequest(int? Version, RiskLevel? RiskLevel, string? RiskAssessment, bool? SubjectIsRegisteredSexOffender) : IVersionedRequest;

public sealed record DecisionRequest(
    int? Version, bool? Disclose, DateOnly? DecidedOn, string? Wording, int? RecipientPersonId, string? DisclosureOfficerUserId, bool? SubjectToBeTold,
    string? Lawful, string? Necessary, string? Proportionate, string? PressingNeed, string? OtherSafeguarding, string? NoDisclosureReason) : IVersionedRequest;

public sealed record DeliveryRequest(
    int? Version, DateOnly? DeliveredOn, string? Place, string? Present, bool? ConfidentialityExplained, string? RecipientResponse,
    string? SafetyPlan, string? Referrals) : IVersionedRequest;

public sealed record ApplicantInformedRequest(int? Version, DateOnly? InformedOn, string? How) : IVersionedRequest;

public sealed record ClosureRequest(int? Version, DisclosureOutcome? Outcome, string? Notes) : IVersionedRequest;

// ---- Answers. No names: people travel as person ids and roles only.

public sealed record ApplicationSummaryResponse(
    int Id, string Reference, Scheme Scheme, Route Route, DisclosureStage Stage, int AreaId, DateTime ReceivedAt, DateTime DueAt,
    DateTime? NextDueAt, ClockState ClockState, string? OwnerUserId, bool Urgent, DisclosureOutcome? Outcome);

public sealed record ApplicationListResponse(int Page, int PageSize, int Total, IReadOnlyList<ApplicationSummaryResponse> Items);

public sealed record ApplicationPersonResponse(int PersonId, ApplicationRole Role);

public sealed record SafeContactResponse(string? Way, string? Times);

public sealed record ImmediateRiskResponse(string? Description, string? SafeguardingAction, DateTime? AcknowledgedAt);

public sealed record CriteriaReviewResponse(bool? WithinScheme, string? Reasons, DateOnly? ApplicantToldOn);

public sealed record MeetingResponse(DateOnly? MetOn, string? Place, string? PhotoIdentity, string? SecondIdentity, string? Notes);

public sealed record CheckResponse(int Id, int SourceId, string Source, DateOnly CheckedOn, CheckResult Result, string Summary, DateTime RecordedAt);

public sealed record ResearchResponse(string? ResearcherUserId, RiskLevel? RiskLevel, string? RiskAssessment, bool? SubjectIsRegisteredSexOffender,
    IReadOnlyList<CheckResponse> Checks);

public sealed record DecisionResponse(
    bool? Disclose, DateOnly? DecidedOn, string? DecidedByUserId, string? Wording, int? RecipientPersonId, string? DisclosureOfficerUserId,
    bool? SubjectToBeTold, string? Lawful, string? Necessary, string? Proportionate, string? PressingNeed, string? OtherSafeguarding,
    string? NoDisclosureReason);

public sealed record DeliveryResponse(DateOnly? DeliveredOn, string? Place, string? Present, bool? ConfidentialityExplained,
    string? RecipientResponse, string? SafetyPlan, string? Referrals);

public sealed record ApplicantInformedResponse(DateOnly? InformedOn, string? How);

public sealed record ClosureResponse(DisclosureOutcome? Outcome, string? Notes, DateTime? ClosedAt);

public sealed record ApplicationResponse(
    int Id, string Reference, Scheme Scheme, Route Route, int AreaId, DisclosureStage Stage, DateTime StageEnteredAt,
    DateTime ReceivedAt, ReceivedVia ReceivedVia, string? ClientReference, int Version,
    DateTime DueAt, DateTime? NextDueAt, ClockKind? NextClock, ClockState ClockState,
    string? OwnerUserId, bool Urgent, bool AwaitingPersonMatch,
    string WhatPrompted, SafeContactResponse SafeContact, ImmediateRiskResponse? ImmediateRisk,
    CriteriaReviewResponse? CriteriaReview, MeetingResponse? Meeting, ResearchResponse? Research, DecisionResponse? Decision,
    DeliveryResponse? Delivery, ApplicantInformedResponse? ApplicantInformed, ClosureResponse? Closure,
    IReadOnlyList<ApplicationPersonResponse> People);

public sealed record ResearchSourceResponse(int Id, string Name);

/// <summary>
/// Disclosure applications for other systems. A force website submits Right to Ask applications (idempotent by its own
/// reference); CRU systems list, read and move applications through their stages. Every rule of the work is the
/// <see cref="DisclosureService"/>'s; who sees which application is <see cref="ApplicationRecordScope"/>'s.
/// </summary>
public static partial class DisclosureApplicationsApi
{
    private const string Base = "/disclosure-applications";
    private const string Tag = "Disclosure applications";
    private const int MaxChildren = 10;

    private static readonly JsonSerializerOptions SubmittedJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapDisclosureApplicationsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost(Base, CreateAsync)
            .RequireAuthorization("Scope:disclosures:write")
            .Accepts<NewApplicationRequest>("application/json")
            .WithName("CreateDisclosureApplication")
            .WithTags(Tag)
            .WithSummary("Submit a Right to Ask application from the force website (idempotent by clientReference)")
            .WithDescription("201 with Location for a new application; 200 with the existing application when clientReference was seen before. "
                + "The people are kept as submitted details for the CRU to match to the person index; they are not added to it. "
                + "The token's owner needs to be able to record first contact, and areaId must be one of their areas.");

        v1.MapGet(Base, ListAsync)
            .RequireAuthorization("Scope:disclosures:read")
            .WithName("ListDisclosureApplications")
            .WithTags(Tag)
            .WithSummary("Applications the token's owner may see, newest first, without personal data")
            .WithDescription("Query: page (from 1), pageSize (1 to 100, default 25), stage (triage, criteriaReview, faceToFace, research, "
                + "decision, disclosure, closed), scheme (dvds, csods), open (true or false).");

        v1.MapGet(Base + "/{id:int}", GetAsync)
            .RequireAuthorization("Scope:disclosures:read")
            .WithName("GetDisclosureApplication")
            .WithTags(Tag)
            .WithSummary("One application with what each stage recorded; people as person ids and roles. 404 when outside the owner's scope");

        v1.MapGet("/disclosure-research-sources", ResearchSourcesAsync)
            .RequireAuthorization("Scope:disclosures:read")
            .WithName("ListDisclosureResearchSources")
            .WithTags(Tag)
            .WithSummary("The sources a check can be recorded against (sourceId of POST .../checks)");

        MapPeople(v1);
        MapStage<TriageCompleteRequest>(v1, "triage-complete", "CompleteTriage", Capability.RecordFirstContact,
            "Complete triage: the people the scheme needs are on the application, and it goes to the CRU for criteria review",
            (s, id, v, b, ct) => s.CompleteTriageAsync(id, v, ct));
        MapStage<CriteriaReviewRequest>(v1, "criteria-review", "RecordCriteriaReview", Capability.ResearchDisclosures,
            "Record whether the application is within the scheme (criteria review stage)",
            (s, id, v, b, ct) => s.RecordCriteriaReviewAsync(id, v, new CriteriaReviewInput(b.WithinScheme, b.Reasons, b.ApplicantToldOn), ct));
        MapStage<MeetingRequest>(v1, "meeting", "RecordMeeting", Capability.ResearchDisclosures,
            "Record the face-to-face meeting and identity check (Right to Ask)",
            (s, id, v, b, ct) => s.RecordMeetingAsync(id, v, new MeetingInput(b.MetOn, b.Place, b.PhotoIdentity, b.SecondIdentity, b.Notes), ct));
        MapStage<ResearchCompleteRequest>(v1, "research-complete", "CompleteResearch", Capability.ResearchDisclosures,
            "Complete research with the risk assessment (needs at least one check and none awaiting a reply)",
            (s, id, v, b, ct) => s.CompleteResearchAsync(id, v, new ResearchInput(b.RiskLevel, b.RiskAssessment, b.SubjectIsRegisteredSexOffender), ct));
        MapStage<DecisionRequest>(v1, "decision", "RecordDecision", Capability.DecideDisclosures,
            "Record the decision to disclose or not (never by the researcher of the application)",
            (s, id, v, b, ct) => s.RecordDecisionAsync(id, v, new DecisionInput(b.Disclose, b.DecidedOn, b.Wording, b.RecipientPersonId,
                b.DisclosureOfficerUserId, b.SubjectToBeTold, b.Lawful, b.Necessary, b.Proportionate, b.PressingNeed, b.OtherSafeguarding,
                b.NoDisclosureReason), ct));
        MapStage<DeliveryRequest>(v1, "delivery", "RecordDelivery", Capability.DeliverDisclosures,
            "Record that the disclosure was delivered; the application closes",
            (s, id, v, b, ct) => s.RecordDeliveryAsync(id, v, new DeliveryInput(b.DeliveredOn, b.Place, b.Present, b.ConfidentialityExplained,
                b.RecipientResponse, b.SafetyPlan, b.Referrals), ct));
        MapStage<ApplicantInformedRequest>(v1, "applicant-informed", "RecordApplicantInformed", Capability.ResearchDisclosures,
            "Record that the applicant was told there will be no disclosure; the application closes",
            (s, id, v, b, ct) => s.RecordApplicantInformedAsync(id, v, new ApplicantInformedInput(b.InformedOn, b.How), ct));
        MapStage<ClosureRequest>(v1, "close", "CloseDisclosureApplication", Capability.ResearchDisclosures,
            "Close early: withdrawn, unableToContact or otherSafeguardingAction",
            (s, id, v, b, ct) => s.CloseEarlyAsync(id, v, new ClosureInput(b.Outcome, b.Notes), ct));

        v1.MapPost(Base + "/{id:int}/checks", AddCheckAsync)
            .RequireAuthorization("Scope:disclosures:write")
            .Accepts<CheckRequest>("application/json")
            .WithName("RecordResearchCheck")
            .WithTags(Tag)
            .WithSummary("Record one check of one source at the research stage; the stage does not move");
    }

    // ---- Create

    private static async Task<Results<Created<ApplicationResponse>, Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext context, SafeguardDbContext db, DisclosureService disclosures, TimeProvider clock, CancellationToken ct)
    {
        if (!Capabilities.Has(context.User, Capability.RecordFirstContact))
        {
            return Forbidden("The token's owner may not record a first contact");
        }

        var (body, bodyError) = await ReadAsync<NewApplicationRequest>(context, ct);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Errors();
        var input = Validate(body!, context.User, now, errors);
        if (!errors.Ok)
        {
            return errors.Problem();
        }

        if (await ExistingAsync(db, context.User, input!.ClientReference!, clock, ct) is { } replay)
        {
            return replay;
        }

        Result<DisclosureApplication> created;
        bool replayed;
        try
        {
            (created, replayed) = await disclosures.CreateOrReplayAsync(input, ct);
        }
        catch (DbUpdateException)
        {
            // Another submission with the same reference won the race to the unique index: answer with its application.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(db, context.User, input.ClientReference!, clock, ct) is { } winner)
            {
                return winner;
            }

            throw;
        }

        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                errors.Add(CreateFieldPath(e.Field), e.Message);
            }

            return errors.Problem();
        }

        if (replayed && await ExistingAsync(db, context.User, input.ClientReference!, clock, ct) is { } saved)
        {
            // Another submission with the same reference was saved between this one's first look and its write.
            return saved;
        }

        var app = await LoadAsync(db, created.Value!.Id, ct);
        return TypedResults.Created($"/api/v1{Base}/{app.Id}", await DetailAsync(db, app, clock, ct));
    }

    /// <summary>The application already submitted with this reference: 200 with it, or 409 if the caller may not see it.</summary>
    private static async Task<Results<Created<ApplicationResponse>, Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>?> ExistingAsync(
        SafeguardDbContext db, ClaimsPrincipal user, string clientReference, TimeProvider clock, CancellationToken ct)
    {
        var id = await db.DisclosureApplications.Where(a => a.ClientReference == clientReference).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var app = await LoadAsync(db, id.Value, ct);
        if (!ApplicationRecordScope.MayView(user, app))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This clientReference is already in use",
                detail: "Another application was submitted with this clientReference. Use a new reference for a new application.");
        }

        return TypedResults.Ok(await DetailAsync(db, app, clock, ct));
    }

    private static FirstContact? Validate(NewApplicationRequest body, ClaimsPrincipal user, DateTime now, Errors errors)
    {
        var clientReference = errors.Text("clientReference", body.ClientReference, "Give the clientReference: your system's own reference for this submission", 100);
        if (body.Scheme is null)
        {
            errors.Add("scheme", "Give the scheme: dvds (Clare's Law) or csods (Sarah's Law)");
        }

        if (body.AreaId is null)
        {
            errors.Add("areaId", "Give the areaId of the area the application belongs to");
        }
        else if (!user.AreaIds().Contains(body.AreaId.Value))
        {
            errors.Add("areaId", "The area must be one of the token owner's areas");
        }

        var receivedAt = now;
        if (body.ReceivedAt is not null)
        {
            if (ParseInstant(body.ReceivedAt) is DateTime at)
            {
                receivedAt = at;
                if (at > now)
                {
                    errors.Add("receivedAt", "receivedAt must not be in the future");
                }
            }
            else
            {
                errors.Add("receivedAt", "Give receivedAt as an ISO 8601 instant with Z or an offset, like 2026-11-20T14:30:00Z");
            }
        }

        var prompted = errors.Text("whatPrompted", body.WhatPrompted, "Say what prompted the application", 4000);
        if (body.SafeContact is null)
        {
            errors.Add("safeContact", "Give safeContact: a safe way, and safe times, to contact the applicant");
        }

        var safeWay = errors.Text("safeContact.way", body.SafeContact?.Way, "Give a safe way to contact the applicant", 200, required: body.SafeContact is not null);
        var safeTimes = errors.Text("safeContact.times", body.SafeContact?.Times, null, 200);
        string? risk = null, action = null;
        if (body.ImmediateRisk is not null)
        {
            risk = errors.Text("immediateRisk.description", body.ImmediateRisk.Description, "Say who is at immediate risk and why", 4000);
            action = errors.Text("immediateRisk.safeguardingAction", body.ImmediateRisk.SafeguardingAction, "Say what safeguarding action was taken", 4000);
        }

        var receivedOn = London.DateOf(receivedAt);
        var people = body.People;
        if (people is null)
        {
            errors.Add("people", "Give the people: applicant, subject, and the person at risk (dvds) or the children (csods)");
        }
        else
        {
            CheckPerson(errors, "people.applicant", people.Applicant, receivedOn, required: true, "Give the applicant");
            CheckPerson(errors, "people.subject", people.Subject, receivedOn, required: true, "Give the subject: the person the application is about");
            if (body.Scheme == Scheme.Dvds)
            {
                CheckPerson(errors, "people.personAtRisk", people.PersonAtRisk, receivedOn, required: true, "Give the person at risk");
                if (people.Children is { Count: > 0 })
                {
                    errors.Add("people.children", "Children are given for Sarah's Law (csods) applications only");
                }
            }
            else if (body.Scheme == Scheme.Csods)
            {
                if (people.PersonAtRisk is not null)
                {
                    errors.Add("people.personAtRisk", "The person at risk is given for Clare's Law (dvds) applications only: give the children instead");
                }

                if (people.Children is not { Count: > 0 })
                {
                    errors.Add("people.children", "Give at least one child the subject has contact with");
                }
                else if (people.Children.Count > MaxChildren)
                {
                    errors.Add("people.children", $"Give at most {MaxChildren} children");
                }
                else
                {
                    for (var i = 0; i < people.Children.Count; i++)
                    {
                        CheckPerson(errors, $"people.children[{i}]", people.Children[i], receivedOn, required: true, "Give the child's details");
                    }
                }
            }
        }

        if (!errors.Ok)
        {
            return null;
        }

        var details = JsonSerializer.Serialize(new SubmittedDetails("api", Clean(people!.Applicant)!, Clean(people.PersonAtRisk), Clean(people.Subject)!,
            (people.Children ?? []).Select(c => Clean(c)!).ToList()), SubmittedJson);
        if (details.Length > 20000)
        {
            errors.Add("people", "The people's details are too long to keep: shorten them");
            return null;
        }

        return new FirstContact(body.Scheme!.Value, Route.RightToAsk, body.AreaId!.Value, receivedAt, ReceivedVia.Online, prompted,
            safeWay, safeTimes, body.ImmediateRisk is not null, risk, action, clientReference, details);
    }

    /// <summary>The shape kept in <see cref="DisclosureApplication.SubmittedDetails"/> until the CRU matches each person to the index.</summary>
    private sealed record SubmittedDetails(string Source, SubmittedPersonRequest Applicant, SubmittedPersonRequest? PersonAtRisk,
        SubmittedPersonRequest Subject, IReadOnlyList<SubmittedPersonRequest> Children);

    private static SubmittedPersonRequest? Clean(SubmittedPersonRequest? p) => p is null ? null : new(
        Trim(p.GivenName), Trim(p.FamilyName), p.DateOfBirth, Trim(p.Relationship),
        p.Address is null ? null : new(Trim(p.Address.Line1), Trim(p.Address.Line2), Trim(p.Address.Town), Trim(p.Address.Postcode)?.ToUpperInvariant()));

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void CheckPerson(Errors errors, string path, SubmittedPersonRequest? person, DateOnly receivedOn, bool required, string missing)
    {
        if (person is null)
        {
            if (required)
            {
                errors.Add(path, missing);
            }

            return;
        }

        var nameErrors = new List<FieldError>();
        PersonRules.CheckName(person.GivenName, person.FamilyName, nameErrors);
        foreach (var e in nameErrors)
        {
            errors.Add($"{path}.{Camel(e.Field)}", e.Message);
        }

        if (person.DateOfBirth is DateOnly dob)
        {
            if (dob > receivedOn)
            {
                errors.Add($"{path}.dateOfBirth", "The date of birth must not be after the date the application was received");
            }
            else if (dob < PersonRules.EarliestBirth)
            {
                errors.Add($"{path}.dateOfBirth", "The date of birth must be on or after 1 January 1900");
            }
        }

        errors.Text($"{path}.relationship", person.Relationship, null, 200);
        if (person.Address is { } address)
        {
            errors.Text($"{path}.address.line1", address.Line1, "Give the first line of the address", 200);
            errors.Text($"{path}.address.line2", address.Line2, null, 200);
            errors.Text($"{path}.address.town", address.Town, null, 100);
            if (!string.IsNullOrWhiteSpace(address.Postcode) && (address.Postcode.Length > 10 || NameText.Postcode(address.Postcode).Length is < 5 or > 7))
            {
                errors.Add($"{path}.address.postcode", "Give a real postcode, like LS1 4AB");
            }
        }
    }

    private static DateTime? ParseInstant(string text)
    {
        text = text.Trim();
        if (text.Length < 20 || text[4] != '-' || text[10] != 'T'
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }

        // An instant names its offset: a bare local time would be read differently by each server.
        var offsetGiven = text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10;
        return offsetGiven ? at.UtcDateTime : null;
    }

    private static string CreateFieldPath(string field) => field switch
    {
        "ReceivedOn" => "receivedAt",
        "SafeContactWay" => "safeContact.way",
        "SafeContactTimes" => "safeContact.times",
        "RiskDescription" => "immediateRisk.description",
        "SafeguardingAction" => "immediateRisk.safeguardingAction",
        _ => Camel(field),
    };

    // ---- Read

    private static async Task<Results<Ok<ApplicationListResponse>, ValidationProblem>> ListAsync(
        HttpContext context, SafeguardDbContext db, TimeProvider clock,
        string? page, string? pageSize, string? stage, string? scheme, string? open, CancellationToken ct)
    {
        var errors = new Errors();
        var pageNumber = errors.Int("page", page, 1, 1, int.MaxValue / 100, "page must be a whole number from 1");
        var size = errors.Int("pageSize", pageSize, 25, 1, 100, "pageSize must be a whole number from 1 to 100");
        var stageFilter = errors.Enum<DisclosureStage>("stage", stage);
        var schemeFilter = errors.Enum<Scheme>("scheme", scheme);
        bool? openFilter = null;
        if (open is not null)
        {
            if (bool.TryParse(open, out var o))
            {
                openFilter = o;
            }
            else
            {
                errors.Add("open", "open must be true or false");
            }
        }

        if (!errors.Ok)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = ApplicationRecordScope.VisibleTo(db.DisclosureApplications.AsNoTracking(), context.User);
        if (stageFilter is { } st)
        {
            query = query.Where(a => a.Stage == st);
        }

        if (schemeFilter is { } sc)
        {
            query = query.Where(a => a.Scheme == sc);
        }

        if (openFilter is { } isOpen)
        {
            query = isOpen ? query.Where(a => a.Stage != DisclosureStage.Closed) : query.Where(a => a.Stage == DisclosureStage.Closed);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new ApplicationListResponse(pageNumber, size, total, rows.Select(a => new ApplicationSummaryResponse(
            a.Id, a.Reference, a.Scheme, a.Route, a.Stage, a.AreaId, a.ReceivedAt, a.DueAt, a.NextDueAt, ApplicationClock.StateOf(a, now),
            a.OwnerUserId, a.Urgent, a.Outcome)).ToList()));
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(
        int id, RecordScope scope, SafeguardDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var app = await scope.ApplicationAsync(id, RecordOperation.View, ct);
        if (app is null)
        {
            return NotFound();
        }

        await audit.RecordAsync("disclosure.viewed", "DisclosureApplication", app.Id.ToString(CultureInfo.InvariantCulture), summary: "api", ct: ct);
        return TypedResults.Ok(await DetailAsync(db, app, clock, ct));
    }

    private static async Task<Ok<IReadOnlyList<ResearchSourceResponse>>> ResearchSourcesAsync(SafeguardDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ResearchSourceResponse>>(await db.ResearchSources.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new ResearchSourceResponse(s.Id, s.Name)).ToListAsync(ct));

    // ---- Stage changes

    private static void MapStage<TBody>(RouteGroupBuilder v1, string path, string name, Capability capability, string summary,
        Func<DisclosureService, int, int, TBody, CancellationToken, Task<Result<DisclosureApplication>>> change)
        where TBody : class, IVersionedRequest
    {
        v1.MapPost($"{Base}/{{id:int}}/{path}", async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> (
                int id, HttpContext context, RecordScope scope, SafeguardDbContext db, DisclosureService disclosures, TimeProvider clock, CancellationToken ct) =>
            {
                var (app, body, refused) = await PrepareChangeAsync<TBody>(id, context, scope, capability, ct);
                if (refused is not null)
                {
                    return refused;
                }

                var result = await change(disclosures, app!.Id, body!.Version!.Value, body, ct);
                if (Failure(result.Errors) is { } failure)
                {
                    return failure;
                }

                db.ChangeTracker.Clear();
                return TypedResults.Ok(await DetailAsync(db, await LoadAsync(db, id, ct), clock, ct));
            })
            .RequireAuthorization("Scope:disclosures:write")
            .Accepts<TBody>("application/json")
            .WithName(name)
            .WithTags(Tag)
            .WithSummary(summary)
            .WithDescription($"Needs the token owner's {capability} capability and an application they may change (else 403 and 404). "
                + "version is the application's version the change was prepared against: a stale one gets 409. "
                + "An application at another stage, or a field the stage's rules refuse, gets 400 naming the field.");
    }

    private static async Task<Results<Created<CheckResponse>, ValidationProblem, ProblemHttpResult>> AddCheckAsync(
        int id, HttpContext context, RecordScope scope, SafeguardDbContext db, DisclosureService disclosures, CancellationToken ct)
    {
        var (app, body, refused) = await PrepareChangeAsync<CheckRequest>(id, context, scope, Capability.ResearchDisclosures, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (app!.Version != body!.Version)
        {
            return Stale();
        }

        if (body.SourceId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sourceId"] = ["Give the sourceId of the source checked"] });
        }

        var result = await disclosures.AddCheckAsync(app.Id, new CheckInput(body.SourceId.Value, body.CheckedOn, body.Result, body.Summary), ct);
        if (Failure(result.Errors) is { } failure)
        {
            return failure;
        }

        var check = result.Value!;
        var source = await db.ResearchSources.Where(s => s.Id == check.SourceId).Select(s => s.Name).FirstAsync(ct);
        return TypedResults.Created($"/api/v1{Base}/{app.Id}",
            new CheckResponse(check.Id, check.SourceId, source, check.CheckedOn, check.Result, check.Summary, check.RecordedAt));
    }

    /// <summary>The capability first (it says nothing about the record), then the record's scope, then the body.</summary>
    private static async Task<(DisclosureApplication? App, TBody? Body, ProblemOrValidation? Refused)> PrepareChangeAsync<TBody>(
        int id, HttpContext context, RecordScope scope, Capability capability, CancellationToken ct)
        where TBody : class, IVersionedRequest
    {
        if (!Capabilities.Has(context.User, capability))
        {
            return (null, null, new(Forbidden("The token's owner may not record this stage")));
        }

        var app = await scope.ApplicationAsync(id, RecordOperation.Change, ct);
        if (app is null)
        {
            return (null, null, new(NotFound()));
        }

        var (body, bodyError) = await ReadAsync<TBody>(context, ct);
        if (bodyError is not null)
        {
            return (null, null, bodyError);
        }

        if (body!.Version is null)
        {
            return (null, null, new(TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["version"] = ["Give the version of the application this change was prepared against"],
            })));
        }

        return (app, body, null);
    }

    /// <summary>Either kind of refusal, convertible to each endpoint's result union.</summary>
    private sealed class ProblemOrValidation(IResult result)
    {
        public IResult Result { get; } = result;

        public static implicit operator Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>(ProblemOrValidation p) => p.Result switch
        {
            ValidationProblem v => v,
            ProblemHttpResult h => h,
            _ => throw new InvalidOperationException(),
        };

        public static implicit operator Results<Created<CheckResponse>, ValidationProblem, ProblemHttpResult>(ProblemOrValidation p) => p.Result switch
        {
            ValidationProblem v => v,
            ProblemHttpResult h => h,
            _ => throw new InvalidOperationException(),
        };

        public static implicit operator Results<Created<ApplicationResponse>, Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>(ProblemOrValidation p) =>
            p.Result switch
            {
                ValidationProblem v => v,
                ProblemHttpResult h => h,
                _ => throw new InvalidOperationException(),
            };
    }

    private static ProblemOrValidation? Failure(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0)
        {
            return null;
        }

        if (errors.Any(e => e.Field == "Version"))
        {
            return new(Stale());
        }

        var named = new Errors();
        foreach (var e in errors)
        {
            named.Add(Camel(e.Field), e.Message);
        }

        return new(TypedResults.ValidationProblem(named.ToDictionary(), title: "The change was not recorded"));
    }

    // ---- Shared

    /// <summary>Reads the JSON body, answering a malformed one with a validation problem that names where it went wrong.</summary>
    private static async Task<(T? Body, ProblemOrValidation? Error)> ReadAsync<T>(HttpContext context, CancellationToken ct)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, new(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as application/json")));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await context.Request.ReadFromJsonAsync<T>(options, ct);
            return body is null
                ? (null, new(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["Send a JSON object"] })))
                : (body, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
            return (null, new(TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [path] = ["This is not valid JSON here, or the value has the wrong type or format (dates are yyyy-MM-dd; choices are the listed words)"],
            })));
        }
    }

    private static Task<DisclosureApplication> LoadAsync(SafeguardDbContext db, int id, CancellationToken ct) =>
        db.DisclosureApplications.AsNoTracking().Include(a => a.People).FirstAsync(a => a.Id == id, ct);

    private static async Task<ApplicationResponse> DetailAsync(SafeguardDbContext db, DisclosureApplication a, TimeProvider clock, CancellationToken ct)
    {
        var checks = await db.ResearchChecks.AsNoTracking().Where(c => c.ApplicationId == a.Id)
            .Join(db.ResearchSources, c => c.SourceId, s => s.Id, (c, s) => new { Check = c, Source = s.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new ApplicationResponse(
            a.Id, a.Reference, a.Scheme, a.Route, a.AreaId, a.Stage, a.StageEnteredAt, a.ReceivedAt, a.ReceivedVia, a.ClientReference, a.Version,
            a.DueAt, a.NextDueAt, a.NextClock, ApplicationClock.StateOf(a, now), a.OwnerUserId, a.Urgent,
            AwaitingPersonMatch: a.SubmittedDetails is not null && a.People.Count == 0,
            a.WhatPrompted, new SafeContactResponse(a.SafeContactWay, a.SafeContactTimes),
            a.Urgent ? new ImmediateRiskResponse(a.ImmediateRisk, a.SafeguardingAction, a.UrgentAcknowledgedAt) : null,
            a.WithinScheme is null ? null : new CriteriaReviewResponse(a.WithinScheme, a.CriteriaReasons, a.ApplicantToldOn),
            a.MetOn is null ? null : new MeetingResponse(a.MetOn, a.MeetingPlace, a.PhotoIdentity, a.SecondIdentity, a.MeetingNotes),
            a.RiskLevel is null && checks.Count == 0 ? null : new ResearchResponse(a.ResearcherUserId, a.RiskLevel, a.RiskAssessment,
                a.SubjectIsRegisteredSexOffender,
                checks.OrderBy(c => c.Check.CheckedOn).ThenBy(c => c.Check.Id).Select(c => new CheckResponse(c.Check.Id, c.Check.SourceId, c.Source,
                    c.Check.CheckedOn, c.Check.Result, c.Check.Summary, c.Check.RecordedAt)).ToList()),
            a.Disclose is null ? null : new DecisionResponse(a.Disclose, a.DecidedOn, a.DecidedByUserId, a.DisclosureWording, a.RecipientPersonId,
                a.DisclosureOfficerUserId, a.SubjectToBeTold, a.Lawful, a.Necessary, a.Proportionate, a.PressingNeed, a.OtherSafeguarding,
                a.NoDisclosureReason),
            a.DeliveredOn is null ? null : new DeliveryResponse(a.DeliveredOn, a.DeliveryPlace, a.PresentAtDelivery, a.ConfidentialityExplained,
                a.RecipientResponse, a.SafetyPlan, a.Referrals),
            a.ApplicantInformedOn is null ? null : new ApplicantInformedResponse(a.ApplicantInformedOn, a.ApplicantInformedHow),
            a.IsOpen && a.Outcome is null ? null : new ClosureResponse(a.Outcome, a.OutcomeNotes, a.ClosedAt),
            a.People.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => new ApplicationPersonResponse(p.PersonId, p.Role)).ToList());
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such application");

    private static ProblemHttpResult Forbidden(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);

    private static ProblemHttpResult Stale() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The application has changed", detail: DisclosureService.StaleMessage);

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    /// <summary>Field errors by JSON path, in the order found.</summary>
    private sealed class Errors
    {
        private readonly List<(string Field, string Message)> _list = [];

        public bool Ok => _list.Count == 0;

        public void Add(string field, string message) => _list.Add((field, message));

        public string? Text(string field, string? value, string? missing, int max, bool required = true)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (text is null && missing is not null && required)
            {
                Add(field, missing);
            }
            else if (text is { Length: var length } && length > max)
            {
                Add(field, $"{field} must be {max} characters or fewer");
            }

            return text;
        }

        public int Int(string field, string? value, int fallback, int min, int max, string message)
        {
            if (value is null)
            {
                return fallback;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            Add(field, message);
            return fallback;
        }

        public TEnum? Enum<TEnum>(string field, string? value)
            where TEnum : struct, System.Enum
        {
            if (value is null)
            {
                return null;
            }

            var names = System.Enum.GetValues<TEnum>().Select(v => (Value: v, Name: Camel(v.ToString()))).ToList();
            var match = names.FirstOrDefault(n => string.Equals(n.Name, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                Add(field, $"{field} must be one of: {string.Join(", ", names.Select(n => n.Name))}");
                return null;
            }

            return match.Value;
        }

        public Dictionary<string, string[]> ToDictionary() =>
            _list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

        public ProblemOrValidation Problem() => new(TypedResults.ValidationProblem(ToDictionary(), title: "The application was not accepted"));
    }
}
