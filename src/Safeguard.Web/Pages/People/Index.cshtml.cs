using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People;

/// <summary>Find a person in the user's areas. Searches are posted (no names in URLs) and every one is audited.</summary>
public sealed class IndexModel(PersonSearch search, AuditTrail audit, TimeProvider clock) : PersonSearchPage
{
    public IReadOnlyList<PersonCandidate>? Candidates { get; private set; }

    public bool CanAdd => Capabilities.Has(User, Capability.RecordPeople);

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var errors = new List<FieldError>();
        var query = ToQuery(London.Today(clock), errors);
        if (query is null)
        {
            ModelState.AddErrors(errors);
            return;
        }

        var outcome = await search.SearchAsync(query, PersonRecordScope.Areas(User), ct: HttpContext.RequestAborted);
        Candidates = outcome.Candidates;
        await PeopleAudit.SearchedAsync(audit, "search", query, outcome.Candidates, HttpContext.RequestAborted);
    }
}
