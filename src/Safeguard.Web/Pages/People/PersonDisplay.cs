using System.Globalization;

namespace Safeguard.Web.Pages.People;

/// <summary>How person details read on the people pages.</summary>
public static class PersonDisplay
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date, string whenMissing = "") =>
        date?.ToString("d MMMM yyyy", UkCulture) ?? whenMissing;

    public static string Birth(DateOnly? dateOfBirth, int? approximateAge) => dateOfBirth is DateOnly d
        ? Date(d)
        : approximateAge is int a ? string.Create(CultureInfo.InvariantCulture, $"About {a} years old") : "Not known";

    /// <summary>Strong matches stand out; weak ones are grey, so the eye goes to the likely person first.</summary>
    public static string ScoreTag(int score) => score switch
    {
        >= 85 => "govuk-tag--green",
        >= 65 => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };
}
