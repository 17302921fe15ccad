using System.Globalization;
using System.Text;

namespace Safeguard.Core.Disclosures.Documents;

/// <summary>
/// A file name that is safe to store, show and send back in a download header, whatever the uploader's
/// browser or operating system sent: no folders, no characters Windows forbids, nothing invisible.
/// </summary>
internal static class SafeFileName
{
    private const int LongestName = 150;
    private const int LongestExtension = 16;
    private const string Fallback = "attachment";

    private static readonly HashSet<string> WindowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string From(string? fileName)
    {
        var name = fileName ?? string.Empty;
        // Older browsers send the whole client path, and either separator may appear whatever the server's OS.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        // Windows drops trailing dots and spaces; leading dots are trimmed only after the extension is taken, so ".pdf" keeps it.
        name = Clean(name).Trim(' ').TrimEnd(' ', '.');

        var extension = Path.GetExtension(name);
        if (extension.Length > LongestExtension || (extension.Length > 0 && !extension.AsSpan(1).ContainsOnlyLettersOrDigits()))
            extension = string.Empty;
        var stem = name[..^extension.Length].Trim(' ', '.');
        if (stem.Length == 0)
            stem = Fallback;
        if (WindowsDeviceNames.Contains(stem))
            stem = "_" + stem;

        var room = LongestName - extension.Length;
        if (stem.Length > room)
            stem = stem[..(char.IsHighSurrogate(stem[room - 1]) ? room - 1 : room)].TrimEnd(' ', '.');
        return stem + extension;
    }

    // Control and formatting characters include right-to-left overrides, which make "cod.exe" display as "exe.doc".
    private static string Clean(string name)
    {
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (rune.IsAscii && "<>:\"/\\|?*".Contains((char)rune.Value, StringComparison.Ordinal)))
                continue;
            kept.Append(rune.ToString());
        }

        return kept.ToString();
    }

    private static bool ContainsOnlyLettersOrDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }

        return true;
    }
}
