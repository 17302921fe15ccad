using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.People.Add;

/// <summary>
/// Step 3 of adding a person: what is known about them, then create. The searched name and date of birth come
/// with the protected search receipt; the service refuses a missing, stale, altered or other user's receipt.
/// </summary>
[Authorize(Policy = AddJourney.Policy)]
public sealed class DetailsModel(PersonService people, SearchReceipts receipts, SafeguardDbContext db) : PersonSearchPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public DetailsForm Form { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];

    /// <summary>A visit without a search (a bookmark, a typed URL) starts at the search.</summary>
    public IActionResult OnGet() => Redirect("/people/add");

    public async Task<IActionResult> OnPostStartAsync()
    {
        ModelState.Clear();
        if (receipts.Unprotect(Receipt, User.UserId()) is null)
        {
            return Redirect("/people/add");
        }

        Form.Postcode = Postcode;
        await LoadAreasAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = AddJourney.SafeReturnUrl(ReturnUrl);
        await LoadAreasAsync();
        var errors = new List<FieldError>();
        var dateOfBirth = ParseDate(errors);
        var age = int.TryParse(ApproximateAge, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : (int?)null;
        Form.Check(errors);
        if (!Enum.IsDefined(Gender))
        {
            errors.Add(new("Gender", "Select the person's gender, or not known"));
        }

        if (Areas.Count == 1)
        {
            Form.AreaId = Areas[0].Id;
        }
        else if (Form.AreaId is not int chosen || !Areas.Any(x => x.Id == chosen))
        {
            errors.Add(new("AreaId", "Select the area this person is recorded in"));
        }

        if (!ModelState.IsValid || errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        var input = Form.ToNewPerson(GivenName ?? "", FamilyName ?? "", dateOfBirth, age, Gender);
        var result = await people.CreateAsync(input, receipts.Unprotect(Receipt, User.UserId()), User.UserId()!, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.Select(Form.PageField));
            return Page();
        }

        var person = result.Value!;
        TempData["Notice"] = $"{person.Reference} added";
        return Redirect(AddJourney.Destination(ReturnUrl, person.Id));
    }

    private async Task LoadAreasAsync()
    {
        var mine = User.AreaIds().ToList();
        Areas = (await db.Areas.AsNoTracking().Where(x => x.IsActive && mine.Contains(x.Id)).OrderBy(x => x.Name)
            .Select(x => new { x.Id, x.Name }).ToListAsync()).Select(x => (x.Id, x.Name)).ToList();
    }
}
