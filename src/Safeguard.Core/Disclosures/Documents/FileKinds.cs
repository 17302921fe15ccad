namespace Safeguard.Core.Disclosures.Documents;

/// <summary>The names, extensions and MIME types that go with each accepted kind of file.</summary>
internal static class FileKinds
{
    private static readonly Dictionary<string, FileKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileKind.Pdf,
        [".png"] = FileKind.Png,
        [".jpg"] = FileKind.Jpeg,
        [".jpeg"] = FileKind.Jpeg,
        [".gif"] = FileKind.Gif,
        [".docx"] = FileKind.Docx,
        [".xlsx"] = FileKind.Xlsx,
        [".eml"] = FileKind.Email,
    };

    private static readonly HashSet<string> MacroExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".docm", ".dotm", ".xlsm", ".xltm", ".xlam",
    };

    public static FileKind? FromExtension(string extension) =>
        ByExtension.TryGetValue(extension, out var kind) ? kind : null;

    public static bool IsMacroExtension(string extension) => MacroExtensions.Contains(extension);

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Gif => "image/gif",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Email => "message/rfc822",
        _ => FileCheck.UnknownContentType,
    };

    /// <summary>How the kind is named to the person uploading, after "it looks like".</summary>
    public static string Described(FileKind kind) => kind switch
    {
        FileKind.Pdf => "a PDF",
        FileKind.Png => "a PNG image",
        FileKind.Jpeg => "a JPEG image",
        FileKind.Gif => "a GIF image",
        FileKind.Docx => "a Word document",
        FileKind.Xlsx => "an Excel spreadsheet",
        FileKind.Email => "an email",
        _ => "an unknown kind of file",
    };
}
