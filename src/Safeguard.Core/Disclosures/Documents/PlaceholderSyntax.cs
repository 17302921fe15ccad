namespace Safeguard.Core.Disclosures.Documents;

/// <summary>A well-formed <c>{{Name}}</c> found at a position in a paragraph's text.</summary>
internal readonly record struct PlaceholderToken(int Start, int Length, string Name);

/// <summary>
/// Reads <c>{{Name}}</c> placeholders out of one paragraph's text. Paragraph by paragraph because a placeholder
/// cannot sensibly continue into the next paragraph, so an opening there is reported as unclosed.
/// </summary>
internal static class PlaceholderSyntax
{
    private const string Open = "{{";
    private const string Close = "}}";
    private const int LongestSnippet = 40;

    public static bool IsValidName(string name) => name.Length > 0 && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>The well-formed placeholders in <paramref name="text"/>; anything that looks meant as one but is not goes into <paramref name="problems"/>.</summary>
    public static List<PlaceholderToken> Tokens(string text, ICollection<string>? problems = null)
    {
        var tokens = new List<PlaceholderToken>();
        var at = text.IndexOf(Open, StringComparison.Ordinal);
        while (at >= 0)
        {
            var close = text.IndexOf(Close, at + Open.Length, StringComparison.Ordinal);
            var reopen = text.IndexOf(Open, at + Open.Length, StringComparison.Ordinal);
            if (close < 0 || (reopen >= 0 && reopen < close))
            {
                var end = reopen >= 0 ? reopen : text.Length;
                problems?.Add($"This placeholder has no closing }}}}: {Snippet(text, at, end)}");
                at = reopen;
                continue;
            }

            var name = text[(at + Open.Length)..close];
            var length = close + Close.Length - at;
            if (IsValidName(name))
                tokens.Add(new PlaceholderToken(at, length, name));
            else
                problems?.Add($"This placeholder's name can only contain letters and digits: {Snippet(text, at, at + length)}");
            at = text.IndexOf(Open, close + Close.Length, StringComparison.Ordinal);
        }

        return tokens;
    }

    private static string Snippet(string text, int start, int end)
    {
        var snippet = text[start..Math.Min(end, start + LongestSnippet)].TrimEnd();
        return end - start > LongestSnippet ? snippet + "…" : snippet;
    }
}
