using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Safeguard.Core.Disclosures.Documents;

/// <summary>What a file's bytes say it is: an accepted kind, or a description of what else it looks like.</summary>
internal readonly record struct Sniffed(FileKind? Kind, string? LooksLike = null, bool HasMacros = false);

/// <summary>
/// Decides a file's kind from its content alone. The name and the browser's MIME type are chosen by whoever
/// uploads, so neither can be trusted to say what a file will do when an officer opens it.
/// </summary>
internal static class ContentSniffer
{
    private const int MostZipEntries = 10_000;
    private const long MostUnzippedBytes = 500L * 1024 * 1024;
    private const int EmailHeaderWindow = 64 * 1024;
    private const string WordDocument = WordPackage.DocumentContentType;
    private const string WordTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private const string Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string WorkbookTemplate = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";

    private static readonly string[] EmailHeadersBesidesFrom = ["Subject", "Date", "To", "Received", "MIME-Version"];
    private static readonly string[] HtmlOpenings = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe"];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static Sniffed Sniff(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith("%PDF-"u8))
            return new(FileKind.Pdf);
        if (bytes.StartsWith(PngSignature))
            return new(FileKind.Png);
        if (bytes.StartsWith(JpegSignature))
            return new(FileKind.Jpeg);
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
            return new(FileKind.Gif);
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
            return SniffZip(content);
        if (bytes.StartsWith("MZ"u8))
            return new(null, "a Windows program");
        if (bytes.StartsWith("\u007FELF"u8))
            return new(null, "a program");
        if (bytes.StartsWith(OleSignature))
            return new(null, "an older Microsoft Office or Outlook file (such as .doc, .xls or .msg)");
        if (bytes.StartsWith("{\\rtf"u8))
            return new(null, "a Rich Text document");
        if (LooksLikeEmail(content))
            return new(FileKind.Email);
        if (LooksLikeHtml(content))
            return new(null, "a web page (HTML)");
        return new(null);
    }

    private static Sniffed SniffZip(byte[] content)
    {
        var archive = new Sniffed(null, "a zip archive");
        if (!IsModestOfficePackage(content))
            return archive;
        // The typed Open methods accept any Office package, so the kind is read from the main part's content type.
        return SniffOffice(content, stream => WordprocessingDocument.Open(stream, false), d => d.MainDocumentPart?.ContentType switch
            {
                null => null,
                WordDocument when d.MainDocumentPart.VbaProjectPart is null => new Sniffed(FileKind.Docx),
                WordTemplate => new Sniffed(null, "a Word template (.dotx)"),
                var type when type.StartsWith("application/vnd.ms-word.", StringComparison.Ordinal) || type == WordDocument =>
                    new Sniffed(null, "a Word document with macros", HasMacros: true),
                _ => null,
            })
            ?? SniffOffice(content, stream => SpreadsheetDocument.Open(stream, false), d => d.WorkbookPart?.ContentType switch
            {
                null => null,
                Workbook when d.WorkbookPart.VbaProjectPart is null => new Sniffed(FileKind.Xlsx),
                WorkbookTemplate => new Sniffed(null, "an Excel template (.xltx)"),
                var type when type.StartsWith("application/vnd.ms-excel.", StringComparison.Ordinal) || type == Workbook =>
                    new Sniffed(null, "an Excel spreadsheet with macros", HasMacros: true),
                _ => null,
            })
            ?? SniffOffice(content, stream => PresentationDocument.Open(stream, false), d => d.PresentationPart is null
                ? null
                : new Sniffed(null, "a PowerPoint presentation"))
            ?? archive;
    }

    private static Sniffed? SniffOffice<T>(byte[] content, Func<Stream, T> open, Func<T, Sniffed?> kindOf)
        where T : OpenXmlPackage
    {
        try
        {
            using var package = open(new MemoryStream(content, writable: false));
            return kindOf(package);
        }
        catch (Exception e) when (WordPackage.IsUnreadable(e))
        {
            return null;
        }
    }

    // Opening a package reads its XML, so a zip claiming gigabytes of content is refused before anything inflates it.
    private static bool IsModestOfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Count <= MostZipEntries
                && zip.Entries.Sum(e => e.Length) <= MostUnzippedBytes
                && zip.Entries.Any(e => e.FullName == "[Content_Types].xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>RFC 5322 header lines from the very first line: a From and at least one other header an email always has.</summary>
    private static bool LooksLikeEmail(byte[] content)
    {
        if (content.AsSpan().Contains((byte)0))
            return false;
        var head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, EmailHeaderWindow));
        using var lines = new StringReader(head.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal) ? head[3..] : head);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var line = lines.ReadLine();
        // A copy saved from an mbox file starts with its "From sender date" envelope line.
        if (line?.StartsWith("From ", StringComparison.Ordinal) == true)
            line = lines.ReadLine();
        for (; !string.IsNullOrEmpty(line); line = lines.ReadLine())
        {
            if (line[0] is ' ' or '\t')
            {
                if (names.Count == 0)
                    return false;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line.AsSpan(0, colon).ContainsOnlyPrintableAscii())
                break;
            names.Add(line[..colon]);
        }

        return names.Contains("From") && EmailHeadersBesidesFrom.Any(names.Contains);
    }

    private static bool LooksLikeHtml(byte[] content)
    {
        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return HtmlOpenings.Any(o => head.StartsWith(o, StringComparison.OrdinalIgnoreCase));
    }

    private static bool ContainsOnlyPrintableAscii(this ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (c is <= ' ' or > '~')
                return false;
        }

        return true;
    }
}
