using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>Change a person's date of birth or age, equality details and safe-contact arrangements.</summary>
public sealed class DetailsModel(RecordScope scope, PersonService people) : PersonEditPage(scope)
{
    [BindProperty] public string? DateOfBirthDay { get; set; }
    [BindProperty] public string? DateOfBirthMonth { get; set; }
    [BindProperty] public string? DateOfBirthYear { get; set; }
    [BindProperty] public string? ApproximateAge { get; set; }
    [BindProperty] public Gender Gender { get; set; }
    [BindProperty] public Ethnicity Ethnicity { get; set; }
    [BindProperty] public Answer Disability { get; set; }
    [BindProperty] public SexualOrientation SexualOrientation { get; set; }
    [BindProperty] public Answer Lgbt { get; set; }
    [BindProperty] public string? SafePhone { get; set; }
    [BindProperty] public string? SafeTimes { get; set; }
    [BindProperty] public List<ContactChannels> UnsafeChannels { get; set; } = [];
    [BindProperty] public string? SafeContactNotes { get; set; }

    public DateInput DateOfBirth => new("DateOfBirth", "Date of birth", "For example, 27 3 1990. Leave blank if not known.", DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear);

    public Choice GenderChoice => new(nameof(Gender), "Gender", Choice.Of<Gender>(DemographicNames.Of), Gender.ToString());
    public Choice DisabilityChoice => new(nameof(Disability), "Disability", Choice.Of<Answer>(DemographicNames.Of), Disability.ToString(), Inline: true);
    public Choice SexualOrientationChoice => new(nameof(SexualOrientation), "Sexual orientation", Choice.Of<SexualOrientation>(DemographicNames.Of), SexualOrientation.ToString());
    public Choice LgbtChoice => new(nameof(Lgbt), "Identifies as LGBT+ (including trans)", Choice.Of<Answer>(DemographicNames.Of), Lgbt.ToString(), Inline: true);

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAsync();
        if (shown is not PageResult)
        {
            return shown;
        }

        var p = Person;
        (DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear) = DateInput.Parts(p.DateOfBirth);
        ApproximateAge = p.ApproximateAge?.ToString(CultureInfo.InvariantCulture);
        (Gender, Ethnicity, Disability, SexualOrientation, Lgbt) = (p.Gender, p.Ethnicity, p.Disability, p.SexualOrientation, p.Lgbt);
        (SafePhone, SafeTimes, SafeContactNotes) = (p.SafePhone, p.SafeTimes, p.SafeContactNotes);
        UnsafeChannels = DemographicNames.Each(p.UnsafeChannels).ToList();
        return shown;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (!DateOfBirth.TryRead(out var dob))
        {
            ModelState.AddModelError("DateOfBirth", "Date of birth must be a real date, like 27 3 1990");
        }

        int? age = null;
        if (!string.IsNullOrWhiteSpace(ApproximateAge))
        {
            if (int.TryParse(ApproximateAge.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                age = a;
            }
            else
            {
                ModelState.AddModelError("ApproximateAge", "Approximate age must be a whole number from 0 to 120");
            }
        }

        CheckChoices();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var channels = UnsafeChannels.Aggregate(ContactChannels.None, (all, one) => all | one);
        var details = new PersonDetails(dob, age, Gender, Ethnicity, Disability, SexualOrientation, Lgbt, SafePhone, SafeTimes, channels, SafeContactNotes);
        var result = await people.UpdateDetailsAsync(Person.Id, Version, details, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Done("The person's details were changed");
    }

    /// <summary>A posted value outside the lists (a tampered form) is refused by field, like any other bad input.</summary>
    private void CheckChoices()
    {
        Check(Enum.IsDefined(Gender), "Gender", "Select the person's gender");
        Check(Enum.IsDefined(Ethnicity), "Ethnicity", "Select the person's ethnic group");
        Check(Enum.IsDefined(Disability), "Disability", "Select whether the person has a disability");
        Check(Enum.IsDefined(SexualOrientation), "SexualOrientation", "Select the person's sexual orientation");
        Check(Enum.IsDefined(Lgbt), "Lgbt", "Select whether the person identifies as LGBT+");
        Check(UnsafeChannels.All(c => c != ContactChannels.None && Enum.IsDefined(c)), "UnsafeChannels", "Select only the channels listed");
    }

    private void Check(bool ok, string field, string message)
    {
        if (!ok && ModelState.FirstError(field) is null)
        {
            ModelState.AddModelError(field, message);
        }
    }
}
