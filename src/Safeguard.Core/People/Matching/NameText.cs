using System.Globalization;
using System.Text;

namespace Safeguard.Core.People.Matching;

/// <summary>Names and postcodes reduced to what matching compares: lower-case letters, no accents or punctuation.</summary>
public static class NameText
{
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '-')
            {
                // Hyphens and spaces both separate parts of a surname: "Smith-Jones", "Smith Jones".
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>A surname's parts ("smith jones" gives "smith", "jones") and the whole run together ("smithjones").</summary>
    public static IReadOnlyList<string> FamilyParts(string normalised)
    {
        if (normalised.Length == 0)
        {
            return [];
        }

        var parts = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            return parts;
        }

        return [string.Concat(parts), .. parts.Distinct()];
    }

    /// <summary>The first given name only: "mary ann" compares as "mary"; middle names are too often left out.</summary>
    public static string FirstGiven(string normalised)
    {
        var space = normalised.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? normalised : normalised[..space];
    }

    /// <summary>UK postcode without spaces, upper case: "ls1 4ab" and "LS14AB" compare equal.</summary>
    public static string Postcode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var sb = new StringBuilder(8);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>The outward code of a normalised postcode: "LS14AB" gives "LS1".</summary>
    public static string OutwardCode(string postcode) => postcode.Length > 3 ? postcode[..^3] : postcode;

    private static readonly Dictionary<string, string> StreetWords = new(StringComparer.Ordinal)
    {
        ["rd"] = "road", ["st"] = "street", ["ave"] = "avenue", ["av"] = "avenue", ["ln"] = "lane", ["cl"] = "close",
        ["dr"] = "drive", ["cres"] = "crescent", ["ct"] = "court", ["gdns"] = "gardens", ["pl"] = "place",
        ["sq"] = "square", ["tce"] = "terrace", ["gr"] = "grove", ["pk"] = "park", ["wy"] = "way", ["flat"] = "",
        ["apartment"] = "", ["apt"] = "", ["the"] = "",
    };

    /// <summary>An address line reduced for comparison: "Flat 2, 14 Mill Rd." and "2/14 Mill Road" compare equal.</summary>
    public static string AddressLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return string.Join(' ', words);

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var word = current.ToString();
            current.Clear();
            if (StreetWords.TryGetValue(word, out var full))
            {
                word = full;
            }

            if (word.Length > 0)
            {
                words.Add(word);
            }
        }
    }
}
