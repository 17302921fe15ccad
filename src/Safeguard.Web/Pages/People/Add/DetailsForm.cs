using Safeguard.Core.Common;
using Safeguard.Core.People;

namespace Safeguard.Web.Pages.People.Add;

/// <summary>
/// What the details step asks about a new person, bound as "Form.X". Field names in errors are the page's,
/// so each message in the error summary links to its field.
/// </summary>
public sealed class DetailsForm
{
    public string? OtherGivenName { get; set; }
    public string? OtherFamilyName { get; set; }
    public NameKind OtherNameKind { get; set; } = NameKind.Previous;
    public Ethnicity Ethnicity { get; set; }
    public Answer Disability { get; set; }
    public SexualOrientation SexualOrientation { get; set; }
    public Answer Lgbt { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? PoliceReference { get; set; }
    public IdentifierScheme OtherScheme { get; set; } = IdentifierScheme.Other;
    public string? OtherIdentifier { get; set; }
    public string? SafePhone { get; set; }
    public string? SafeTimes { get; set; }
    public List<ContactChannels> UnsafeChannels { get; set; } = [];
    public string? SafeContactNotes { get; set; }
    public int? AreaId { get; set; }

    private bool HasOtherName => !string.IsNullOrWhiteSpace(OtherGivenName) || !string.IsNullOrWhiteSpace(OtherFamilyName);

    private bool HasAddress => new[] { Line1, Line2, Town, Postcode }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Choices posted with values that are not on the page (a hand-made form) are refused, not saved.</summary>
    public void Check(List<FieldError> errors)
    {
        if (!Enum.IsDefined(OtherNameKind) || OtherNameKind == NameKind.Current)
        {
            errors.Add(new("Form.OtherNameKind", "Select what kind of name the other name is"));
        }

        if (!Enum.IsDefined(Ethnicity))
        {
            errors.Add(new("Form.Ethnicity", "Select an ethnic group, or not known"));
        }

        if (!Enum.IsDefined(Disability) || !Enum.IsDefined(Lgbt))
        {
            errors.Add(new("Form.Disability", "Select an answer, or not known"));
        }

        if (!Enum.IsDefined(SexualOrientation))
        {
            errors.Add(new("Form.SexualOrientation", "Select a sexual orientation, or not known"));
        }

        if (!Enum.IsDefined(OtherScheme))
        {
            errors.Add(new("Form.OtherScheme", "Select the kind of reference"));
        }

        if (UnsafeChannels.Any(c => !Enum.IsDefined(c) || c == ContactChannels.None))
        {
            errors.Add(new("Form.UnsafeChannels", "Select the ways of contact that are unsafe from the list"));
        }
    }

    public NewPerson ToNewPerson(string given, string family, DateOnly? dateOfBirth, int? approximateAge, Gender gender)
    {
        var details = new PersonDetails(dateOfBirth, approximateAge, gender, Ethnicity, Disability, SexualOrientation, Lgbt,
            SafePhone, SafeTimes, UnsafeChannels.Aggregate(ContactChannels.None, (all, c) => all | c), SafeContactNotes);
        var identifiers = new List<(IdentifierScheme, string)>();
        if (!string.IsNullOrWhiteSpace(PoliceReference))
        {
            identifiers.Add((IdentifierScheme.PoliceReference, PoliceReference));
        }

        if (!string.IsNullOrWhiteSpace(OtherIdentifier))
        {
            identifiers.Add((OtherScheme, OtherIdentifier));
        }

        return new NewPerson(given, family, details,
            HasOtherName ? [(OtherGivenName ?? "", OtherFamilyName ?? "", OtherNameKind)] : [],
            HasAddress ? new NewAddress(Line1, Line2, Town, Postcode, null, null) : null,
            identifiers,
            AreaId ?? 0);
    }

    /// <summary>The service names fields as its record does; the page's fields for these live under "Form.".</summary>
    public FieldError PageField(FieldError e) => e.Field switch
    {
        "GivenName" or "FamilyName" or "DateOfBirth" or "ApproximateAge" => e,
        "OtherNames[0].GivenName" => e with { Field = "Form.OtherGivenName" },
        "OtherNames[0].FamilyName" => e with { Field = "Form.OtherFamilyName" },
        "Identifiers" => e with { Field = string.IsNullOrWhiteSpace(PoliceReference) ? "Form.OtherIdentifier" : "Form.PoliceReference" },
        _ => e with { Field = "Form." + e.Field },
    };
}
