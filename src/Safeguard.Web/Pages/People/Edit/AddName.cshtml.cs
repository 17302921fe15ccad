using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>Add a name. A new current name turns the old one into a previous name (the service does it), so searches still find it.</summary>
public sealed class AddNameModel(RecordScope scope, PersonService people) : PersonEditPage(scope)
{
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public NameKind? Kind { get; set; }

    public Choice KindChoice => new(nameof(Kind), "What kind of name is it?", Choice.Of<NameKind>(DemographicNames.Of), Kind?.ToString(),
        Hint: "A new current name makes the old current name a previous name");

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (Kind is not NameKind kind || !Enum.IsDefined(kind))
        {
            ModelState.Remove(nameof(Kind));
            ModelState.AddModelError(nameof(Kind), "Select what kind of name it is");
            // Check the name too (without saving anything), so every field's problem shows at once.
            var errors = new List<FieldError>();
            PersonRules.CheckName(GivenName, FamilyName, errors);
            ModelState.AddErrors(errors);
            return Page();
        }

        var result = await people.AddNameAsync(Person.Id, Version, GivenName, FamilyName, kind, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Done("The name was added");
    }
}
