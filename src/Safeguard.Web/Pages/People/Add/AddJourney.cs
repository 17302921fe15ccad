using Microsoft.AspNetCore.WebUtilities;

namespace Safeguard.Web.Pages.People.Add;

/// <summary>
/// Where the add journey ends. Another form (a referral, an application) may start it with a local returnUrl:
/// the chosen or new person's id goes back there as ?personId=N. Anything else ends on the person's profile.
/// </summary>
public static class AddJourney
{
    public const string Policy = "Capability:" + nameof(Safeguard.Core.Accounts.Capability.RecordPeople);

    /// <summary>Only a path on this site, so the journey cannot be used to send someone elsewhere.</summary>
    public static string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 500 && returnUrl[0] == '/'
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : null;

    public static string Destination(string? returnUrl, int personId) => SafeReturnUrl(returnUrl) is { } back
        ? QueryHelpers.AddQueryString(back, "personId", personId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : "/people/" + personId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
