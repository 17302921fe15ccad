using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.Core.Disclosures.Documents;

/// <summary>
/// Plain Word documents built in code, so the default templates ship without binary files in the repository
/// and an administrator can download one, edit it in Word and upload it back.
/// </summary>
public static class SimpleDocx
{
    private const string SubheadingMarker = "## ";

    /// <summary>
    /// A paragraph that is exactly this string starts a new page (a form feed: no template or typed text is ever
    /// just that), so a pack can give each case a page of its own.
    /// </summary>
    public const string PageBreak = "\f";

    /// <summary>
    /// A title, then one paragraph per string. A string starting with "## " becomes a subheading; one that is
    /// <see cref="PageBreak"/> starts a new page; newlines inside a string become line breaks. Placeholders are kept as typed, each within a single run.
    /// </summary>
    public static byte[] Build(string title, IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            var main = document.MainDocumentPart ?? document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocumentStyles();

            var body = new Body(Paragraph(title, "Heading1"));
            foreach (var paragraph in paragraphs)
            {
                body.Append(paragraph == PageBreak
                    ? new Paragraph(new Run(new Break { Type = BreakValues.Page }))
                    : paragraph.StartsWith(SubheadingMarker, StringComparison.Ordinal)
                        ? Paragraph(paragraph[SubheadingMarker.Length..], "Heading2")
                        : Paragraph(paragraph, style: null));
            }

            body.Append(A4Page());
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var run = new Run();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        var paragraph = new Paragraph();
        if (style is not null)
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(run);
        return paragraph;
    }

    private static SectionProperties A4Page() => new(
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 720U, Footer = 720U, Gutter = 0U });

    // Word opens a document without a styles part, but then shows its own defaults and "heading" means nothing.
    private static Styles DocumentStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        },
        Heading("Heading1", "heading 1", outlineLevel: 0, halfPoints: "36"),
        Heading("Heading2", "heading 2", outlineLevel: 1, halfPoints: "28"));

    private static Style Heading(string id, string name, int outlineLevel, string halfPoints) => new(
        new StyleName { Val = name },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = "240", After = "120" },
            new OutlineLevel { Val = outlineLevel }),
        new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints }))
    {
        Type = StyleValues.Paragraph,
        StyleId = id,
    };
}
