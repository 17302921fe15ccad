using Safeguard.Core.Audit;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Web.Pages.People;

/// <summary>The one shape of a "people.searched" event, from the search page, the add journey and the API alike.</summary>
public static class PeopleAudit
{
    public const string Searched = "people.searched";

    public static Task SearchedAsync(AuditTrail audit, string where, MatchQuery query, IReadOnlyList<PersonCandidate> candidates, CancellationToken ct) =>
        audit.RecordAsync(Searched, summary: $"{where}: {candidates.Count} candidates", after: new
        {
            Criteria = new
            {
                query.GivenName,
                query.FamilyName,
                query.DateOfBirth,
                query.ApproximateAge,
                Gender = query.Gender.ToString(),
                query.Postcode,
            },
            Candidates = candidates.Select(c => c.Person.Id).ToList(),
            Count = candidates.Count,
        }, ct: ct);
}
