using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.People;

/// <summary>The person chosen or added in the person index, confirmed in a role, with how they relate to the case.</summary>
[Authorize(Policy = "Capability:RecordPeople")]
public sealed class ConfirmModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty(SupportsGet = true)] public ApplicationRole Role { get; set; }
    [BindProperty(SupportsGet = true)] public int PersonId { get; set; }
    [BindProperty] public string? Relationship { get; set; }

    public Person Person { get; private set; } = null!;

    public string PersonName => (Person.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? Person.Names.FirstOrDefault())?.FullName ?? "(no name)";

    public async Task<IActionResult> OnGetAsync() => await LoadBothAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadBothAsync())
        {
            return NotFound();
        }

        var result = await service.AddPersonAsync(Id, Person.Id, Role, Relationship, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            // The role and person are fixed on this page: their problems are shown at its one field.
            result = Result<ApplicationPerson>.Fail(result.Errors.Select(e => e with { Field = "Relationship" }).ToList());
        }

        return Outcome(result, $"{PersonName} was added as {ApplicationRoleNames.Of(Role).ToLowerInvariant()}");
    }

    private async Task<bool> LoadBothAsync()
    {
        if (!Enum.IsDefined(Role) || Role == ApplicationRole.Recipient || !await LoadAsync(RecordOperation.Change))
        {
            return false;
        }

        var person = await Scope.PersonAsync(PersonId, RecordOperation.View, HttpContext.RequestAborted);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
