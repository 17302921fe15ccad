namespace Safeguard.Core.People.Matching;

/// <summary>
/// Whether two names are one keyboard slip apart: one letter dropped, added, changed, or two neighbours swapped.
/// Jaro-Winkler alone misses such slips in short names ("Emma" and "Ekma" score 0.85), which are the names
/// most often typed.
/// </summary>
public static class EditDistance
{
    public static bool AtMostOne(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            // One changed letter, or two neighbours swapped.
            var rest = a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            var swapped = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            return rest || swapped;
        }

        // One letter dropped from the longer.
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}
