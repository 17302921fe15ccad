using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Add;

/// <summary>
/// Steps 1 and 2 of adding a person: search first, then pick one of the candidates or choose to add someone new.
/// The search issues a protected receipt that the details step needs: nobody adds a person without searching.
/// </summary>
[Authorize(Policy = AddJourney.Policy)]
public sealed class IndexModel(PersonSearch search, SearchReceipts receipts, AuditTrail audit, TimeProvider clock) : PersonSearchPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<PersonCandidate>? Candidates { get; private set; }

    /// <summary>The protected receipt of the search just run, for the "add a new person" form.</summary>
    public string? Receipt { get; private set; }

    public void OnGet() => ReturnUrl = AddJourney.SafeReturnUrl(ReturnUrl);

    /// <summary>Back from the details step to change the search: the form again, filled in, nothing searched.</summary>
    public void OnPostChange() => ReturnUrl = AddJourney.SafeReturnUrl(ReturnUrl);

    public async Task OnPostAsync()
    {
        ReturnUrl = AddJourney.SafeReturnUrl(ReturnUrl);
        var errors = new List<FieldError>();
        var query = ToQuery(London.Today(clock), errors);
        if (query is null)
        {
            ModelState.AddErrors(errors);
            return;
        }

        var outcome = await search.SearchAsync(query, PersonRecordScope.Areas(User), ct: HttpContext.RequestAborted);
        Candidates = outcome.Candidates;
        Receipt = receipts.Protect(outcome.Receipt, User.UserId()!);
        await PeopleAudit.SearchedAsync(audit, "add", query, outcome.Candidates, HttpContext.RequestAborted);
    }
}
