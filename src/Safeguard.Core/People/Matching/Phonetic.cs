using System.Text;

namespace Safeguard.Core.People.Matching;

/// <summary>
/// A sound-alike key for British names, so spellings that sound the same share a key: Catherine, Katharine
/// and Kathryn; Stephen and Steven; Thompson and Thomson; Reid, Reed and Read; Macdonald and McDonald.
/// Our own simplified rules in the spirit of Metaphone: fold the spellings of one sound together, keep the
/// first letter's sound, then keep only the consonants.
/// </summary>
public static class Phonetic
{
    private static readonly (string From, string To)[] Starts =
    [
        ("kn", "n"), ("gn", "n"), ("wr", "r"), ("ps", "s"), ("wh", "w"), ("x", "s"),
    ];

    private static readonly (string From, string To)[] Folds =
    [
        ("tch", "ch"), ("sch", "sk"), ("mps", "ms"), ("ph", "f"), ("ck", "k"), ("gh", ""), ("dg", "j"),
        ("sh", "s"), ("ch", "k"), ("th", "t"), ("kh", "k"), ("q", "k"), ("x", "ks"), ("z", "s"), ("v", "f"),
        ("y", "i"), ("mac", "mk"), ("mc", "mk"),
    ];

    public static string Key(string normalised)
    {
        if (normalised.Length == 0)
        {
            return "";
        }

        var s = normalised.Replace(" ", "", StringComparison.Ordinal);
        foreach (var (from, to) in Starts)
        {
            if (s.StartsWith(from, StringComparison.Ordinal))
            {
                s = to + s[from.Length..];
                break;
            }
        }

        // A soft c or g sounds like s or j: Cerys/Seris, Geoffrey/Jeffrey.
        var soft = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var next = i + 1 < s.Length ? s[i + 1] : ' ';
            var c = s[i];
            if (c == 'c' && next is 'e' or 'i' or 'y')
            {
                soft.Append('s');
            }
            else if (c == 'g' && next is 'e' or 'i' or 'y' && i == 0)
            {
                soft.Append('j');
            }
            else
            {
                soft.Append(c);
            }
        }

        s = soft.ToString();
        foreach (var (from, to) in Folds)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        s = s.Replace('c', 'k');
        var key = new StringBuilder(s.Length);
        var first = s[0];
        key.Append(IsVowel(first) ? 'a' : first);
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            // Vowels, h and w after the first letter carry little of a name's sound in English spelling.
            if (IsVowel(c) || c is 'h' or 'w')
            {
                continue;
            }

            if (key[^1] != c)
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
