using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

public sealed class AddAddressModel(RecordScope scope, PersonService people, TimeProvider clock) : PersonEditPage(scope)
{
    [BindProperty] public string? Line1 { get; set; }
    [BindProperty] public string? Line2 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? FromDay { get; set; }
    [BindProperty] public string? FromMonth { get; set; }
    [BindProperty] public string? FromYear { get; set; }
    [BindProperty] public string? ToDay { get; set; }
    [BindProperty] public string? ToMonth { get; set; }
    [BindProperty] public string? ToYear { get; set; }

    public DateInput From => new("From", "Date they moved in (optional)", "For example, 27 3 2021", FromDay, FromMonth, FromYear);
    public DateInput To => new("To", "Date they moved out (optional)", "Leave blank if they still live here", ToDay, ToMonth, ToYear);

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (!From.TryRead(out var from))
        {
            ModelState.AddModelError("From", "The date they moved in must be a real date");
        }

        if (!To.TryRead(out var to))
        {
            ModelState.AddModelError("To", "The date they moved out must be a real date");
        }

        var address = new NewAddress(Line1, Line2, Town, Postcode, from, to);
        if (!ModelState.IsValid)
        {
            // A date that is not a date stops the save; the other fields are checked too (nothing saved), so every problem shows at once.
            var errors = new List<FieldError>();
            PersonRules.CheckAddress(address, London.Today(clock), errors);
            ModelState.AddErrors(errors.Where(e => ModelState.FirstError(e.Field) is null));
            return Page();
        }

        var result = await people.AddAddressAsync(Person.Id, Version, address, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Done("The address was added");
    }
}
