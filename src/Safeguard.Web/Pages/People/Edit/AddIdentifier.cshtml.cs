using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>Add a reference another system holds for the person: a PNC ID, an NHS number and so on.</summary>
public sealed class AddIdentifierModel(RecordScope scope, PersonService people) : PersonEditPage(scope)
{
    [BindProperty] public IdentifierScheme? Scheme { get; set; }
    [BindProperty] public string? Value { get; set; }

    public Choice SchemeChoice => new(nameof(Scheme), "What kind of reference is it?", Choice.Of<IdentifierScheme>(DemographicNames.Of), Scheme?.ToString());

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (Scheme is not IdentifierScheme scheme || !Enum.IsDefined(scheme))
        {
            ModelState.Remove(nameof(Scheme));
            ModelState.AddModelError(nameof(Scheme), "Select what kind of reference it is");
            if (string.IsNullOrWhiteSpace(Value) || Value.Trim().Length > 100)
            {
                ModelState.AddModelError(nameof(Value), "Enter the reference, in 100 characters or fewer");
            }

            return Page();
        }

        var result = await people.AddIdentifierAsync(Person.Id, Version, scheme, Value, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Done("The reference was added");
    }
}
