using System.Text;

namespace Safeguard.Core.People.Matching;

/// <summary>
/// The blocking keys that let a search reach its candidates through one index instead of reading every
/// person. Each key pairs two things that survive the error patterns: sound-alike first name (and the
/// formal names it may stand for) with sound-alike surname part; date of birth (day and month in either
/// order) with either name; postcode with either name; date of birth with postcode. A record is a candidate
/// if it shares any key.
/// </summary>
public static class MatchKeys
{
    public sealed record NameParts(IReadOnlyList<string> Given, IReadOnlyList<string> Family);

    public static NameParts Parts(string? givenName, string? familyName)
    {
        var given = NameText.FirstGiven(NameText.Normalise(givenName));
        var givenKeys = given.Length == 0
            ? []
            : Nicknames.FormalNames(given).Append(given).Select(Phonetic.Key).Where(k => k.Length > 0).Distinct().ToList();
        var familyKeys = NameText.FamilyParts(NameText.Normalise(familyName)).Select(Phonetic.Key).Where(k => k.Length > 0).Distinct().ToList();
        return new NameParts(givenKeys, familyKeys);
    }

    /// <summary>Day and month in order of size, so a date with the two swapped gives the same key.</summary>
    public static string DateKey(DateOnly date)
    {
        var low = Math.Min(date.Day, date.Month);
        var high = Math.Max(date.Day, date.Month);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Year}{low:00}{high:00}");
    }

    public static HashSet<long> For(IEnumerable<(string Given, string Family)> names, IEnumerable<DateOnly> datesOfBirth, IEnumerable<string?> postcodes)
    {
        var keys = new HashSet<long>();
        var dates = datesOfBirth.Select(DateKey).Distinct().ToList();
        var codes = postcodes.Select(NameText.Postcode).Where(p => p.Length >= 5).Distinct().ToList();
        // Date of birth with postcode, whatever the name: finds the record whose first name was mistyped and
        // whose surname changed (marriage) at once, which no name key can. Few people share both.
        foreach (var d in dates)
        {
            foreach (var p in codes)
            {
                keys.Add(Hash("D", d, p));
            }
        }

        foreach (var (givenName, familyName) in names)
        {
            var parts = Parts(givenName, familyName);
            foreach (var g in parts.Given)
            {
                foreach (var f in parts.Family)
                {
                    keys.Add(Hash("N", g, f));
                }

                foreach (var d in dates)
                {
                    keys.Add(Hash("G", d, g));
                }

                foreach (var p in codes)
                {
                    keys.Add(Hash("Q", p, g));
                }
            }

            foreach (var f in parts.Family)
            {
                foreach (var d in dates)
                {
                    keys.Add(Hash("F", d, f));
                }

                foreach (var p in codes)
                {
                    keys.Add(Hash("P", p, f));
                }
            }
        }

        return keys;
    }

    public static HashSet<long> For(Person person) =>
        For(person.Names.Select(n => (n.GivenName, n.FamilyName)),
            person.DateOfBirth is DateOnly d ? [d] : [],
            person.Addresses.Select(a => a.Postcode));

    public static HashSet<long> For(MatchQuery query) =>
        For([(query.GivenName, query.FamilyName)],
            query.DateOfBirth is DateOnly d ? [d] : [],
            [query.Postcode]);

    // FNV-1a, 64 bits: stable across processes and machines, unlike string.GetHashCode.
    private static long Hash(string kind, string a, string b)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var part in (ReadOnlySpan<string>)[kind, "|", a, "|", b])
        {
            foreach (var by in Encoding.UTF8.GetBytes(part))
            {
                hash ^= by;
                hash *= prime;
            }
        }

        return unchecked((long)hash);
    }
}
