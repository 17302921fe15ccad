using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>
/// Start a merge: likely duplicates of this person, or a record number typed in. The other record is loaded
/// through the same scope as this one, so a record outside the user's areas reads as one that does not exist.
/// </summary>
public sealed class MergeModel(RecordScope scope, PersonSearch search, Safeguard.Core.Audit.AuditTrail audit) : PersonEditPage(scope)
{
    [BindProperty] public string? OtherReference { get; set; }

    public IReadOnlyList<PersonCandidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Capabilities.Has(User, Capability.MergePeople))
        {
            return Forbid();
        }

        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        await FindDuplicatesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Capabilities.Has(User, Capability.MergePeople))
        {
            return Forbid();
        }

        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var number = OtherReference?.Trim().TrimStart('P', 'p');
        if (string.IsNullOrEmpty(number))
        {
            ModelState.AddModelError(nameof(OtherReference), "Enter the record number of the other record, like P000123");
        }
        else if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var otherId)
            || await Scope.PersonAsync(otherId, RecordOperation.Change, HttpContext.RequestAborted) is not { } other)
        {
            ModelState.AddModelError(nameof(OtherReference), "There is no record with that number");
        }
        else if (other.Id == Person.Id)
        {
            ModelState.AddModelError(nameof(OtherReference), "A record cannot be merged with itself");
        }
        else
        {
            return Redirect($"/people/{Person.Id}/merge/{other.Id}");
        }

        await FindDuplicatesAsync();
        return Page();
    }

    private async Task FindDuplicatesAsync()
    {
        var name = Person.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? Person.Names.FirstOrDefault();
        if (name is null)
        {
            return;
        }

        var address = Person.Addresses.OrderByDescending(a => a.To is null).ThenByDescending(a => a.From).FirstOrDefault();
        var query = new MatchQuery(name.GivenName, name.FamilyName, Person.DateOfBirth, Person.DateOfBirth is null ? Person.ApproximateAge : null,
            Person.Gender, address?.Postcode, address?.Line1);
        Candidates = (await search.SearchAsync(query, PersonRecordScope.Areas(User), excludePersonId: Person.Id, ct: HttpContext.RequestAborted)).Candidates;
        await PeopleAudit.SearchedAsync(audit, $"duplicates of {Person.Reference}", query, Candidates, HttpContext.RequestAborted);
    }
}
