using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// The search fields shared by the people search and the first step of adding a person (_SearchFields),
/// and by the details step, which carries them on in hidden fields.
/// Posted, never put in a query string, so no name or date of birth ends up in a URL or a browser history.
/// </summary>
public abstract class PersonSearchPage : PageModel
{
    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? BirthDay { get; set; }

    [BindProperty]
    public string? BirthMonth { get; set; }

    [BindProperty]
    public string? BirthYear { get; set; }

    [BindProperty]
    public string? ApproximateAge { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public Gender Gender { get; set; }

    /// <summary>The query to search with, or null with the errors each naming its field.</summary>
    public MatchQuery? ToQuery(DateOnly today, List<FieldError> errors)
    {
        PersonRules.CheckName(GivenName, FamilyName, errors);
        var dateOfBirth = ParseDate(errors);
        int? age = null;
        if (!string.IsNullOrWhiteSpace(ApproximateAge))
        {
            if (int.TryParse(ApproximateAge.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                age = a;
            }
            else
            {
                errors.Add(new("ApproximateAge", "Approximate age must be a whole number from 0 to 120"));
            }
        }

        if (dateOfBirth is not null && age is not null)
        {
            errors.Add(new("ApproximateAge", "Enter a date of birth or an approximate age, not both"));
        }

        PersonRules.CheckBirth(dateOfBirth, age, today, errors);
        if (!string.IsNullOrWhiteSpace(Postcode))
        {
            var p = NameText.Postcode(Postcode);
            if (Postcode.Trim().Length > 10 || p.Length is < 5 or > 7 || !char.IsAsciiLetter(p[0]) || !char.IsAsciiDigit(p[^3]))
            {
                errors.Add(new("Postcode", "Enter a real postcode, like LS1 4AB"));
            }
        }

        if (!Enum.IsDefined(Gender))
        {
            errors.Add(new("Gender", "Select the person's gender, or not known"));
        }

        return errors.Count > 0 ? null : new MatchQuery(GivenName!.Trim(), FamilyName!.Trim(), dateOfBirth, age, Gender,
            string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim());
    }

    /// <summary>The date of birth as typed in the three boxes: null when all are empty.</summary>
    public DateOnly? ParseDate(List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(BirthDay) && string.IsNullOrWhiteSpace(BirthMonth) && string.IsNullOrWhiteSpace(BirthYear))
        {
            return null;
        }

        if (DateInput.TryParse(BirthDay, BirthMonth, BirthYear, 1, out var date))
        {
            return date;
        }

        errors.Add(new("DateOfBirth", "Date of birth must be a real date, like 27 3 1985"));
        return null;
    }
}
