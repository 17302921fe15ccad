using System.Globalization;
using Safeguard.Core.Common;

namespace Safeguard.Core.People;

/// <summary>The details of a person that a user types, checked the same way wherever they are typed.</summary>
public sealed record PersonDetails(
    DateOnly? DateOfBirth,
    int? ApproximateAge,
    Gender Gender,
    Ethnicity Ethnicity,
    Answer Disability,
    SexualOrientation SexualOrientation,
    Answer Lgbt,
    string? SafePhone,
    string? SafeTimes,
    ContactChannels UnsafeChannels,
    string? SafeContactNotes);

public sealed record NewAddress(string? Line1, string? Line2, string? Town, string? Postcode, DateOnly? From, DateOnly? To);

public static class PersonRules
{
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>Checks a name as typed. Field names are the page's: "GivenName", "FamilyName" with a prefix if any.</summary>
    public static void CheckName(string? given, string? family, List<FieldError> errors, string prefix = "")
    {
        CheckNamePart(given, prefix + "GivenName", "first name", errors);
        CheckNamePart(family, prefix + "FamilyName", "last name", errors);
    }

    private static void CheckNamePart(string? value, string field, string label, List<FieldError> errors)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0)
        {
            errors.Add(new(field, $"Enter the person's {label}"));
        }
        else if (v.Length > 100)
        {
            errors.Add(new(field, $"The {label} must be 100 characters or fewer"));
        }
        else if (!v.Any(char.IsLetter) || v.Any(c => !(char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.')))
        {
            errors.Add(new(field, $"The {label} must contain only letters, spaces, hyphens and apostrophes"));
        }
        else if (HasLongRun(v))
        {
            errors.Add(new(field, $"Check the {label}: the same letter appears 4 times in a row"));
        }
    }

    private static bool HasLongRun(string v)
    {
        var run = 1;
        for (var i = 1; i < v.Length; i++)
        {
            run = char.ToLowerInvariant(v[i]) == char.ToLowerInvariant(v[i - 1]) && char.IsLetter(v[i]) ? run + 1 : 1;
            if (run >= 4)
            {
                return true;
            }
        }

        return false;
    }

    public static void CheckBirth(DateOnly? dateOfBirth, int? approximateAge, DateOnly today, List<FieldError> errors, string prefix = "")
    {
        if (dateOfBirth is DateOnly dob)
        {
            if (dob > today)
            {
                errors.Add(new(prefix + "DateOfBirth", "Date of birth must be today or in the past"));
            }
            else if (dob < EarliestBirth)
            {
                errors.Add(new(prefix + "DateOfBirth", "Date of birth must be on or after 1 January 1900"));
            }
        }

        if (approximateAge is int age && (age < 0 || age > 120))
        {
            errors.Add(new(prefix + "ApproximateAge", "Approximate age must be a whole number from 0 to 120"));
        }
    }

    public static void CheckDetails(PersonDetails d, DateOnly today, List<FieldError> errors)
    {
        CheckBirth(d.DateOfBirth, d.ApproximateAge, today, errors);
        CheckLength(d.SafePhone, 40, "SafePhone", "Safe phone number", errors);
        if (!string.IsNullOrWhiteSpace(d.SafePhone) && !d.SafePhone.Any(char.IsAsciiDigit))
        {
            errors.Add(new("SafePhone", "Enter a safe phone number, like 07700 900 982"));
        }

        CheckLength(d.SafeTimes, 200, "SafeTimes", "Safe times", errors);
        CheckLength(d.SafeContactNotes, 1000, "SafeContactNotes", "Notes on safe contact", errors);
        if (!string.IsNullOrWhiteSpace(d.SafePhone) && d.UnsafeChannels.HasFlag(ContactChannels.Phone) && d.UnsafeChannels.HasFlag(ContactChannels.TextMessage))
        {
            errors.Add(new("SafePhone", "A safe phone number cannot be given when both phone calls and text messages are unsafe"));
        }
    }

    public static void CheckAddress(NewAddress a, DateOnly today, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(a.Line1))
        {
            errors.Add(new("Line1", "Enter the first line of the address"));
        }

        CheckLength(a.Line1, 200, "Line1", "Address line 1", errors);
        CheckLength(a.Line2, 200, "Line2", "Address line 2", errors);
        CheckLength(a.Town, 100, "Town", "Town or city", errors);
        var postcode = Matching.NameText.Postcode(a.Postcode);
        if (!string.IsNullOrWhiteSpace(a.Postcode) && (postcode.Length is < 5 or > 7 || !char.IsAsciiLetter(postcode[0]) || !char.IsAsciiDigit(postcode[^3])))
        {
            errors.Add(new("Postcode", "Enter a real postcode, like LS1 4AB"));
        }

        if (a.From is DateOnly from && from > today)
        {
            errors.Add(new("From", "The date they moved in must be today or in the past"));
        }

        if (a.From is DateOnly f && a.To is DateOnly t && t < f)
        {
            errors.Add(new("To", "The date they moved out must be after the date they moved in"));
        }
    }

    /// <summary>"LS14AB" written as "LS1 4AB".</summary>
    public static string? FormatPostcode(string? value)
    {
        var p = Matching.NameText.Postcode(value);
        return p.Length == 0 ? null : p[..^3] + " " + p[^3..];
    }

    private static void CheckLength(string? value, int max, string field, string label, List<FieldError> errors)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"{label} must be {max} characters or fewer")));
        }
    }
}
