using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.Core.Marac;

/// <summary>
/// The pack as one Word document, written in a single pass: a cover (area, date, time, invited agencies,
/// confidentiality), the agenda table with times, the 12-month notices, then each case on a page of its own.
/// Its own small builder because the shared one has no tables or page breaks.
/// </summary>
public static class MaracPackDocx
{
    public static byte[] Build(MaracPackContent pack)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = pack.Title;
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Para(pack.Title, "Heading1"));
            body.Append(Para($"{pack.Area}. {pack.Date}, starting at {pack.StartsAt} (UK time)."));
            body.Append(Para("Invited agencies: " + (pack.Invited.Count == 0 ? "none" : string.Join(", ", pack.Invited)) + "."));
            body.Append(Para(pack.Confidentiality, bold: true));

            body.Append(Para("Agenda", "Heading2"));
            body.Append(pack.Agenda.Count == 0
                ? Para("No cases.")
                : Table(["Place", "Time", "Reference", "Category", "Minutes"],
                    pack.Agenda.Select(c => new[] { c.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), c.StartsAt, c.Reference, c.Category, c.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

            body.Append(Para("12 months since the last MARAC", "Heading2"));
            if (pack.TwelveMonthNotices.Count == 0)
            {
                body.Append(Para("None."));
            }

            foreach (var notice in pack.TwelveMonthNotices)
            {
                body.Append(Para($"{notice.Label}: {notice.Value}"));
            }

            foreach (var c in pack.Agenda)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                body.Append(Para($"{c.Position}. {c.Reference}: {c.Category}", "Heading2"));
                body.Append(Para($"About {c.StartsAt}, {c.Minutes} minutes."));
                foreach (var section in c.Sections)
                {
                    body.Append(Para(section.Heading, "Heading3"));
                    body.Append(Table(null, section.Rows.Select(r => new[] { r.Label, r.Value })));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(string[]? headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        if (headers is not null)
        {
            var head = new TableRow(new TableRowProperties(new TableHeader()));
            head.Append(headers.Select(h => Cell(h, bold: true)));
            table.Append(head);
        }

        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((value, i) => Cell(value, bold: headers is null && i == 0))));
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold) => new(Para(text, bold: bold));

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading("Heading1", "heading 1", 0, "36"),
        Heading("Heading2", "heading 2", 1, "28"),
        Heading("Heading3", "heading 3", 2, "24"));

    private static Style Heading(string id, string name, int level, string halfPoints) => new(
        new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
        new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints }))
    { Type = StyleValues.Paragraph, StyleId = id };
}
