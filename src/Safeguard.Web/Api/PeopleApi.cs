using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Web.Pages.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Api;

public sealed record PersonCandidateResponse(int Id, string Reference, string Name, IReadOnlyList<string> OtherNames,
    DateOnly? DateOfBirth, int? ApproximateAge, string? Postcode, int Score, IReadOnlyList<string> Reasons);

public sealed record PeopleSearchRequest(string? Q, string? DateOfBirth, string? Postcode);

public sealed record PeopleSearchResponse(int Count, IReadOnlyList<PersonCandidateResponse> Candidates);

/// <summary>
/// Person search for other systems: the same search as the page, in the token owner's areas, audited the same way.
/// The name travels in the query string here, so the app never writes request URLs to its logs (appsettings.json).
/// </summary>
public static class PeopleApi
{
    public static void MapPeopleApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/people", SearchAsync)
            .RequireAuthorization("Scope:people:read")
            .WithName("SearchPeople")
            .WithSummary("Search the person index in the token owner's areas: q is \"given family\" (the last word is the family name)");

        // The same search with the name in the body: proxies and clients log URLs, so this is the one to prefer.
        v1.MapPost("/people/search", (HttpContext context, PersonSearch search, AuditTrail audit, TimeProvider clock, PeopleSearchRequest body, CancellationToken ct) =>
                SearchAsync(context, search, audit, clock, body.Q, body.DateOfBirth, body.Postcode, ct))
            .RequireAuthorization("Scope:people:read")
            .WithName("SearchPeopleByPost")
            .WithSummary("The same search as GET /people, with q, dateOfBirth and postcode in a JSON body so no name is in the URL");
    }

    private static async Task<Results<Ok<PeopleSearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        HttpContext context, PersonSearch search, AuditTrail audit, TimeProvider clock,
        string? q, string? dateOfBirth, string? postcode, CancellationToken ct)
    {
        if (!Capabilities.Has(context.User, Capability.FindPeople))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token's owner may not search the person index");
        }

        var errors = new Dictionary<string, string[]>();
        var query = Parse(q, dateOfBirth, postcode, London.Today(clock), errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await search.SearchAsync(query, PersonRecordScope.Areas(context.User), ct: ct);
        await PeopleAudit.SearchedAsync(audit, "api", query, outcome.Candidates, ct);
        return TypedResults.Ok(new PeopleSearchResponse(outcome.Candidates.Count, outcome.Candidates.Select(c => new PersonCandidateResponse(
            c.Person.Id, c.Person.Reference, c.Person.Name, c.Person.OtherNames, c.Person.DateOfBirth, c.Person.ApproximateAge,
            c.Person.Postcode, c.Score, c.Reasons)).ToList()));
    }

    private static MatchQuery? Parse(string? q, string? dateOfBirth, string? postcode, DateOnly today, Dictionary<string, string[]> errors)
    {
        var words = (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            errors["q"] = ["Give a first name and a last name, like \"Jane Smith\""];
            return null;
        }

        var given = string.Join(' ', words[..^1]);
        var family = words[^1];
        var fieldErrors = new List<FieldError>();
        PersonRules.CheckName(given, family, fieldErrors);
        if (fieldErrors.Count > 0)
        {
            errors["q"] = fieldErrors.Select(e => e.Message).ToArray();
        }

        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(dateOfBirth))
        {
            if (DateOnly.TryParseExact(dateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                var birthErrors = new List<FieldError>();
                PersonRules.CheckBirth(d, null, today, birthErrors);
                if (birthErrors.Count > 0)
                {
                    errors["dateOfBirth"] = birthErrors.Select(e => e.Message).ToArray();
                }

                dob = d;
            }
            else
            {
                errors["dateOfBirth"] = ["Give the date of birth as yyyy-MM-dd, like 1985-03-27"];
            }
        }

        if (postcode is not null && (postcode.Length > 10 || NameText.Postcode(postcode).Length is < 5 or > 7))
        {
            errors["postcode"] = ["Give a real postcode, like LS1 4AB"];
        }

        return errors.Count > 0 ? null : new MatchQuery(given, family, dob, Postcode: string.IsNullOrWhiteSpace(postcode) ? null : postcode.Trim());
    }
}
