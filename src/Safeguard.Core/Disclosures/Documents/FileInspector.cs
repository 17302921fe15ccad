namespace Safeguard.Core.Disclosures.Documents;

/// <summary>
/// The gate every uploaded file passes before it is stored against a case. Officers open these files on
/// force machines, so a file is accepted only when its content is one of the expected kinds and its name
/// says the same thing: a program or web page dressed up with a harmless extension is refused.
/// </summary>
public static class FileInspector
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public const string Empty = "The selected file is empty";
    public const string WrongType =
        "The selected file must be a PDF, image (PNG, JPEG or GIF), Word document, Excel spreadsheet or email (.eml)";
    public const string Macros =
        "The selected file contains macros, which are not accepted. Save it as a Word document (.docx) or Excel spreadsheet (.xlsx) without macros";

    public static FileCheck Inspect(string fileName, byte[] content, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        var safeName = SafeFileName.From(fileName);
        if (content.Length == 0)
            return FileCheck.Rejected(Empty, safeName);
        if (content.LongLength > maxBytes)
            return FileCheck.Rejected($"The selected file must be smaller than {Size(maxBytes)}", safeName);

        var extension = Path.GetExtension(safeName);
        if (FileKinds.IsMacroExtension(extension))
            return FileCheck.Rejected(Macros, safeName);
        if (FileKinds.FromExtension(extension) is not FileKind named)
            return FileCheck.Rejected(WrongType, safeName);

        var sniffed = ContentSniffer.Sniff(content);
        if (sniffed.HasMacros)
            return FileCheck.Rejected(Macros, safeName);
        if (sniffed.Kind == named)
            return FileCheck.Accepted(named, safeName);

        var looksLike = sniffed.Kind is FileKind actual ? FileKinds.Described(actual) : sniffed.LooksLike;
        var detail = looksLike is null
            ? $"it does not look like {FileKinds.Described(named)}"
            : $"it looks like {looksLike}";
        return FileCheck.Rejected($"The selected file's contents do not match its name ({detail})", safeName);
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
