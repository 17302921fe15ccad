using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Api;

/// <summary>
/// People on an application, from the person index: a CRU system finds them there (<c>/api/v1/people</c>) and names
/// them here by id and role, as the pages do after "search before create".
/// </summary>
public static partial class DisclosureApplicationsApi
{
    private static void MapPeople(RouteGroupBuilder v1) =>
        v1.MapPost(Base + "/{id:int}/people", AddPersonAsync)
            .RequireAuthorization("Scope:disclosures:write")
            .Accepts<AddPersonRequest>("application/json")
            .WithName("AddPersonToDisclosureApplication")
            .WithTags(Tag)
            .WithSummary("Put a person from the person index on the application in a role: applicant, personAtRisk, subject or child")
            .WithDescription("Needs the token owner's RecordPeople capability, an application they may change and a person they may see "
                + "(else 403, 404, and 400 naming personId). version is the application's version: a stale one gets 409.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> AddPersonAsync(
        int id, HttpContext context, RecordScope scope, SafeguardDbContext db, DisclosureService disclosures, TimeProvider clock, CancellationToken ct)
    {
        var (app, body, refused) = await PrepareChangeAsync<AddPersonRequest>(id, context, scope, Capability.RecordPeople, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (app!.Version != body!.Version)
        {
            return Stale();
        }

        var errors = new Dictionary<string, string[]>();
        // One answer for a person who does not exist and one the user may not see: the API does not say which.
        if (body.PersonId is not { } personId || await scope.PersonAsync(personId, RecordOperation.View, ct) is null)
        {
            errors["personId"] = ["Give the personId of a person you can find in the person index"];
        }

        if (body.Role is not { } role || !Enum.IsDefined(role) || role == ApplicationRole.Recipient)
        {
            errors["role"] = ["Give the role: applicant, personAtRisk, subject or child (the recipient is named by the decision)"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await disclosures.AddPersonAsync(app.Id, body.PersonId!.Value, body.Role!.Value, body.Relationship, ct);
        if (Failure(result.Errors) is { } failure)
        {
            return failure;
        }

        db.ChangeTracker.Clear();
        return TypedResults.Ok(await DetailAsync(db, await LoadAsync(db, id, ct), clock, ct));
    }
}
