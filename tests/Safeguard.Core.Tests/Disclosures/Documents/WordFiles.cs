using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.Core.Tests.Disclosures.Documents;

/// <summary>
/// Word documents shaped the way Word saves them after editing: one paragraph's text spread over runs with
/// different formatting, plus a header and footer. Each paragraph is given as its runs' texts; a run whose
/// text starts with "*" is bold (the "*" is not part of the text).
/// </summary>
internal static class WordFiles
{
    public static byte[] Docx(string[][] body, string[]? header = null, string[]? footer = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var sections = new SectionProperties();
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(Paragraph(header));
                sections.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            if (footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(Paragraph(footer));
                sections.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }

            var content = new Body(body.Select(Paragraph));
            content.Append(sections);
            main.Document = new Document(content);
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(string[] runs) =>
        new(runs.Select(text => text.StartsWith('*')
            ? new Run(new RunProperties(new Bold()), new Text(text[1..]) { Space = SpaceProcessingModeValues.Preserve })
            : new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    public static T Read<T>(byte[] docx, Func<WordprocessingDocument, T> read)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return read(document);
    }
}
