using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Accounts;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Core.People;
using Safeguard.Web.Pages.Incidents;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Api;

/// <summary>One incident as a police system sends it. Every field is optional to the JSON reader, so a missing one is named.</summary>
public sealed record IncidentRequest(
    string? IncidentReference, string? OccurredAt, string? ReportedAt, int? AreaId, string? RiskLevel, int? DashYesCount,
    IncidentPersonRequest? Victim, IncidentPersonRequest? Perpetrator, bool? ChildrenLinked, int? ChildrenCount, bool? VictimConsented,
    string? Summary, string? OfficerCollarNumber);

public sealed record IncidentPersonRequest(string? GivenName, string? FamilyName, string? DateOfBirth);

/// <summary>An incident as recorded: people as person-index ids, never names.</summary>
public sealed record IncidentResponse(
    int Id, string Reference, string IncidentReference, int AreaId, DateTime OccurredAt, DateTime ReportedAt, RiskLevel RiskLevel, int? DashYesCount,
    int VictimPersonId, int? PerpetratorPersonId, bool ChildrenLinked, int? ChildrenCount, bool VictimConsented, string Summary,
    string OfficerCollarNumber, DateTime RecordedAt);

public sealed record IncidentBatchItem(int Index, bool Created, IncidentResponse Incident);

public sealed record IncidentBatchResponse(int Created, int AlreadyRecorded, IReadOnlyList<IncidentBatchItem> Items);

/// <summary>
/// POST /api/v1/incidents: a police records system pushes one incident (a JSON object) or a batch (a JSON array, or
/// an object with "incidents"). The same rules as the CSV import (<see cref="IncidentRules"/>); a batch with any bad
/// incident saves nothing and names every bad field by its path (<c>[2].victim.dateOfBirth</c>). Idempotent by the
/// force's incident reference: a reference recorded before answers 200 with that record, a new one 201.
/// </summary>
public static class IncidentsApi
{
    public const int MaxBatch = 1000;

    private static readonly Dictionary<string, string> JsonPaths = new()
    {
        [IncidentCsv.IncidentReference] = "incidentReference", [IncidentCsv.OccurredAt] = "occurredAt", [IncidentCsv.ReportedAt] = "reportedAt",
        [IncidentCsv.Area] = "areaId", [IncidentCsv.RiskLevel] = "riskLevel", [IncidentCsv.DashYesCount] = "dashYesCount",
        [IncidentCsv.VictimGivenName] = "victim.givenName", [IncidentCsv.VictimFamilyName] = "victim.familyName",
        [IncidentCsv.VictimDateOfBirth] = "victim.dateOfBirth", [IncidentCsv.PerpetratorGivenName] = "perpetrator.givenName",
        [IncidentCsv.PerpetratorFamilyName] = "perpetrator.familyName", [IncidentCsv.PerpetratorDateOfBirth] = "perpetrator.dateOfBirth",
        [IncidentCsv.ChildrenLinked] = "childrenLinked", [IncidentCsv.ChildrenCount] = "childrenCount", [IncidentCsv.VictimConsented] = "victimConsented",
        [IncidentCsv.Summary] = "summary", [IncidentCsv.OfficerCollarNumber] = "officerCollarNumber",
    };

    public static void MapIncidentsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/incidents", CreateAsync)
            .RequireAuthorization("Scope:incidents:write")
            .Accepts<IncidentRequest>("application/json")
            .WithName("PushPoliceIncidents")
            .WithTags("Police incidents")
            .WithSummary("Push one police incident (an object) or a batch (an array, or {\"incidents\": [...]}, at most 1,000), idempotent by incidentReference")
            .WithDescription("One incident: 201 when new, 200 with the existing record when its incidentReference was recorded before. A batch: 201 when any "
                + "was new, else 200, with each item's outcome. Times are ISO 8601 with Z or an offset, or UK local time like 2026-11-27 22:15; dates of birth "
                + "yyyy-MM-dd; riskLevel standard, medium or high. A batch with any bad incident saves nothing. The token's owner needs to be able to import "
                + "incidents, and areaId must be one of their areas.");
    }

    private static async Task<Results<Created<IncidentResponse>, Ok<IncidentResponse>, Created<IncidentBatchResponse>, Ok<IncidentBatchResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext context, SafeguardDbContext db, IncidentImports imports, IncidentSubmissions submissions, CancellationToken ct)
    {
        if (!Capabilities.Has(context.User, Capability.ImportIncidents))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token's owner may not import police incidents");
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as application/json");
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Invalid(new() { ["$"] = ["This is not valid JSON"] });
        }

        var (elements, batch) = body.ValueKind switch
        {
            JsonValueKind.Array => (body.EnumerateArray().ToList(), true),
            JsonValueKind.Object when body.TryGetProperty("incidents", out var list) && list.ValueKind == JsonValueKind.Array => (list.EnumerateArray().ToList(), true),
            JsonValueKind.Object => ([body], false),
            _ => (new List<JsonElement>(), false),
        };
        if (elements.Count == 0)
        {
            return Invalid(new() { ["$"] = ["Send an incident as a JSON object, or a batch as a non-empty array"] });
        }

        if (elements.Count > MaxBatch)
        {
            return Invalid(new() { ["$"] = [$"Send at most {MaxBatch} incidents in one call"] });
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var importer = await Importers.OfAsync(context.User, db, ct);
        var rules = await imports.RulesAsync(importer, ct);
        var errors = new Dictionary<string, List<string>>();
        var valid = new List<ValidIncident>();
        for (var n = 0; n < elements.Count; n++)
        {
            var prefix = batch ? $"[{n}]." : "";
            IncidentRequest? request;
            try
            {
                request = elements[n].Deserialize<IncidentRequest>(options);
            }
            catch (JsonException e)
            {
                var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
                Add(errors, prefix + path, "This value has the wrong type or format (counts are numbers; yes or no answers are true or false; other values are text)");
                continue;
            }

            var found = new List<FieldError>();
            var incident = request is null ? null : rules.Check(ToInput(request), found);
            foreach (var e in found)
            {
                Add(errors, prefix + JsonPaths.GetValueOrDefault(e.Field, e.Field), e.Message);
            }

            if (incident is not null && valid.Any(v => string.Equals(v.IncidentReference, incident.IncidentReference, StringComparison.OrdinalIgnoreCase)))
            {
                Add(errors, prefix + "incidentReference", "This incidentReference is already earlier in the batch");
            }
            else if (incident is not null)
            {
                valid.Add(incident);
            }
        }

        if (errors.Count > 0)
        {
            return Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        // A reference the force recorded in an area the caller cannot see: say it is taken, without showing the record.
        var existing = await LoadAsync(db, valid, importer.AgencyId, ct);
        var hidden = existing.Values.FirstOrDefault(i => !IncidentRecordScope.MayView(context.User, i));
        if (hidden is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This incidentReference is already in use",
                detail: $"Incident {hidden.IncidentReference} was recorded in an area outside the token owner's areas.");
        }

        var submitted = await submissions.SubmitAsync(valid, importer, ct);
        var records = (await db.PoliceIncidents.AsNoTracking().Where(i => submitted.Select(s => s.Id).Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id);
        if (!batch)
        {
            var one = Response(records[submitted[0].Id]);
            return submitted[0].Created ? TypedResults.Created((string?)null, one) : TypedResults.Ok(one);
        }

        var items = submitted.Select((s, n) => new IncidentBatchItem(n, s.Created, Response(records[s.Id]))).ToList();
        var answer = new IncidentBatchResponse(items.Count(i => i.Created), items.Count(i => !i.Created), items);
        return answer.Created > 0 ? TypedResults.Created((string?)null, answer) : TypedResults.Ok(answer);
    }

    private static async Task<Dictionary<string, PoliceIncident>> LoadAsync(SafeguardDbContext db, List<ValidIncident> incidents, int agencyId, CancellationToken ct)
    {
        var references = incidents.Select(i => i.IncidentReference).ToList();
        return (await db.PoliceIncidents.AsNoTracking().Where(i => i.AgencyId == agencyId && references.Contains(i.IncidentReference)).ToListAsync(ct))
            .ToDictionary(i => i.IncidentReference, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The request written out as the CSV's text, so one set of rules checks both.</summary>
    private static IncidentInput ToInput(IncidentRequest r) => new(
        r.IncidentReference, r.OccurredAt, r.ReportedAt, null, r.AreaId, r.RiskLevel, Number(r.DashYesCount),
        r.Victim?.GivenName, r.Victim?.FamilyName, r.Victim?.DateOfBirth,
        r.Perpetrator?.GivenName, r.Perpetrator?.FamilyName, r.Perpetrator?.DateOfBirth,
        YesNo(r.ChildrenLinked), Number(r.ChildrenCount), YesNo(r.VictimConsented), r.Summary, r.OfficerCollarNumber);

    private static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? YesNo(bool? b) => b switch { true => "yes", false => "no", null => null };

    private static IncidentResponse Response(PoliceIncident i) => new(
        i.Id, i.Reference, i.IncidentReference, i.AreaId, i.OccurredAt, i.ReportedAt, i.RiskLevel, i.DashYesCount, i.VictimPersonId, i.PerpetratorPersonId,
        i.ChildrenLinked, i.ChildrenCount, i.VictimConsented, i.Summary, i.OfficerCollarNumber, i.RecordedAt);

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The incidents were not accepted");
}
