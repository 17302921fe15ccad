using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.Core.Disclosures.Documents;

/// <summary>Opening uploaded Word files safely, and the parts of them that carry a letter's text.</summary>
internal static class WordPackage
{
    // Uploaded files are untrusted: a part that inflates past this is an attack or a mistake, not a letter.
    private static readonly OpenSettings Limits = new() { MaxCharactersInPart = 50_000_000 };

    public const string DocumentContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string MacroDocumentContentType = "application/vnd.ms-word.document.macroEnabled.main+xml";

    public static WordprocessingDocument Open(Stream stream, bool isEditable) =>
        WordprocessingDocument.Open(stream, isEditable, Limits);

    /// <summary>Runs <paramref name="read"/> over the document, or returns false when the bytes are not a readable Word document.</summary>
    public static bool TryRead<T>(byte[] docx, Func<WordprocessingDocument, T> read, out T result, out bool hasMacros)
    {
        result = default!;
        hasMacros = false;
        try
        {
            using var document = Open(new MemoryStream(docx, writable: false), isEditable: false);
            if (!IsWordDocument(document))
                return false;
            hasMacros = HasMacros(document);
            result = read(document);
            return true;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return false;
        }
    }

    // Open accepts any Office package (a workbook included), so the main part's type is what says "Word".
    public static bool IsWordDocument(WordprocessingDocument document) =>
        document.MainDocumentPart is { ContentType: DocumentContentType or MacroDocumentContentType } main
        && main.Document?.Body is not null;

    public static bool HasMacros(WordprocessingDocument document) =>
        document.MainDocumentPart is { } main && (main.ContentType == MacroDocumentContentType || main.VbaProjectPart is not null);

    public static bool IsUnreadable(Exception e) =>
        e is OpenXmlPackageException or FormatException or InvalidDataException or IOException or XmlException
            or InvalidOperationException or NotSupportedException or ArgumentException or UnauthorizedAccessException;

    /// <summary>Headers, then the body, then footers: the order a reader meets them on the page.</summary>
    public static IEnumerable<OpenXmlPartRootElement> TextRoots(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart!;
        foreach (var header in main.HeaderParts)
            yield return header.Header;
        yield return main.Document;
        foreach (var footer in main.FooterParts)
            yield return footer.Footer;
    }

    public static IEnumerable<Paragraph> Paragraphs(WordprocessingDocument document) =>
        TextRoots(document).SelectMany(root => root.Descendants<Paragraph>());
}
