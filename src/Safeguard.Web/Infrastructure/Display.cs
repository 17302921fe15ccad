using System.Globalization;

namespace Safeguard.Web.Infrastructure;

/// <summary>How dates and times read on every page: UK time, GOV.UK style ("3 March 2026 at 2:05pm").</summary>
public static class Display
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static System.DateTime ToLondon(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    public static string DateAndTime(System.DateTime? utc, string whenMissing = "")
    {
        if (utc is null)
        {
            return whenMissing;
        }

        var local = ToLondon(utc.Value);
        var time = local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
        return $"{local.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} at {time}";
    }

    public static string Date(System.DateTime? utc, string whenMissing = "") =>
        utc is null ? whenMissing : ToLondon(utc.Value).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
