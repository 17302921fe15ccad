using System.IO.Compression;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Tests.Disclosures.Documents;

public sealed class DocxTemplateTests
{
    private static readonly string[] Valid = ["Reference", "RecipientName", "DisclosureWording", "ForceName"];

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void A_placeholder_word_split_over_three_runs_is_found_and_filled()
    {
        var template = WordFiles.Docx([["Dear ", "{{", "*RecipientName", "}},"]]);

        Assert.Equal(["RecipientName"], DocxTemplate.PlaceholdersIn(template));
        var filled = DocxTemplate.Fill(template, Values(("RecipientName", "Jane Smith")));

        Assert.Equal("Dear Jane Smith,", DocxTemplate.TextOf(filled));
    }

    [Fact]
    public void The_value_takes_the_formatting_of_the_run_the_placeholder_starts_in()
    {
        var template = WordFiles.Docx([["Ref: ", "*{{Refer", "ence}}", " end"]]);

        var filled = DocxTemplate.Fill(template, Values(("Reference", "DVDS-2026-0001")));

        var runs = WordFiles.Read(filled, d => d.MainDocumentPart!.Document.Body!.Descendants<Run>()
            .Select(r => (r.InnerText, Bold: r.RunProperties?.Bold is not null)).ToList());
        Assert.Contains(("DVDS-2026-0001", true), runs);
        Assert.Equal("Ref: DVDS-2026-0001 end", DocxTemplate.TextOf(filled));
    }

    [Fact]
    public void Several_placeholders_in_one_paragraph_and_missing_values_are_filled_left_to_right()
    {
        var template = WordFiles.Docx([["{{Reference}} for {", "{RecipientName}} by {{ForceName}}."]]);

        var filled = DocxTemplate.Fill(template, Values(("Reference", "R1"), ("RecipientName", "A {{ForceName}} B")));

        // A value that looks like a placeholder is text, not a second round of filling.
        Assert.Equal("R1 for A {{ForceName}} B by .", DocxTemplate.TextOf(filled));
    }

    [Fact]
    public void Characters_special_to_xml_come_out_literally()
    {
        var template = WordFiles.Docx([["Say: {{DisclosureWording}}"]]);
        const string Value = "<b>&\"bold\"</b> & 'it' ]]> <w:br/>";

        var filled = DocxTemplate.Fill(template, Values(("DisclosureWording", Value)));

        Assert.Equal("Say: " + Value, DocxTemplate.TextOf(filled));
        Assert.Empty(WordFiles.Read(filled, d => d.MainDocumentPart!.Document.Body!.Descendants<Break>().ToList()));
        Assert.Empty(WordFiles.Read(filled, d => d.MainDocumentPart!.Document.Body!.Descendants<Bold>().ToList()));
    }

    [Fact]
    public void Newlines_in_a_value_become_line_breaks_within_the_run()
    {
        var template = WordFiles.Docx([["Before ", "*{{DisclosureWording}}", " after"]]);

        var filled = DocxTemplate.Fill(template, Values(("DisclosureWording", "line one\r\nline two\nline three")));

        var boldRun = WordFiles.Read(filled, d => d.MainDocumentPart!.Document.Body!.Descendants<Run>()
            .Single(r => r.RunProperties?.Bold is not null).CloneNode(true));
        Assert.Equal(2, boldRun.Elements<Break>().Count());
        Assert.Equal(["line one", "line two", "line three"], boldRun.Elements<Text>().Select(t => t.Text));
        Assert.Equal("Before line one\nline two\nline three after", DocxTemplate.TextOf(filled));
        Assert.Empty(WordFiles.Read(filled, d => new OpenXmlValidator().Validate(d).ToList()));
    }

    [Fact]
    public void Headers_footers_and_tables_are_filled()
    {
        var table = new Table(new TableRow(new TableCell(WordFiles.Paragraph(["Cell {{", "Reference}}"]))));
        var template = WordFiles.Docx([["Body {{RecipientName}}"]], header: ["{{ForceName}}", " header"], footer: ["Ref {{Ref", "erence}}"]);
        template = AddToBody(template, table);

        Assert.Equal(["ForceName", "RecipientName", "Reference"], DocxTemplate.PlaceholdersIn(template));
        var filled = DocxTemplate.Fill(template, Values(("ForceName", "Kent Police"), ("RecipientName", "Sam"), ("Reference", "X9")));

        Assert.Equal("Kent Police header", WordFiles.Read(filled, d => d.MainDocumentPart!.HeaderParts.Single().Header.InnerText));
        Assert.Equal("Ref X9", WordFiles.Read(filled, d => d.MainDocumentPart!.FooterParts.Single().Footer.InnerText));
        Assert.Equal("Kent Police header\nBody Sam\nCell X9\nRef X9", DocxTemplate.TextOf(filled));
    }

    [Fact]
    public void Fill_leaves_the_template_unchanged()
    {
        var template = WordFiles.Docx([["{{Reference}}"]]);
        var copy = template.ToArray();

        DocxTemplate.Fill(template, Values(("Reference", "R1")));

        Assert.Equal(copy, template);
        Assert.Equal("{{Reference}}", DocxTemplate.TextOf(template));
    }

    [Fact]
    public void Check_accepts_known_placeholders_even_when_split_and_a_letter_with_none()
    {
        var split = DocxTemplate.Check(WordFiles.Docx([["{", "{Refer", "ence}", "}"]]), Valid);
        var fixedLetter = DocxTemplate.Check(WordFiles.Docx([["No placeholders here."]]), Valid);

        Assert.True(split.IsValid, string.Join("; ", split.Errors));
        Assert.Equal(["Reference"], split.Placeholders);
        Assert.True(fixedLetter.IsValid);
    }

    [Fact]
    public void Check_lists_unknown_placeholders_in_one_error()
    {
        var check = DocxTemplate.Check(WordFiles.Docx([["{{Foo}} {{Reference}}"], ["{{Bar}} {{Foo}} {{reference}}"]]), Valid);

        Assert.False(check.IsValid);
        Assert.Equal(["Unknown placeholders: {{Foo}}, {{Bar}}, {{reference}}"], check.Errors);
    }

    [Fact]
    public void Check_names_malformed_and_unclosed_placeholders()
    {
        var check = DocxTemplate.Check(WordFiles.Docx([["Hello {{Bad ", "Name}} there"], ["Ref {{Reference"], ["{{}}"]]), Valid);

        Assert.False(check.IsValid);
        Assert.Equal(3, check.Errors.Count);
        Assert.Contains(check.Errors, e => e.Contains("{{Bad Name}}", StringComparison.Ordinal) && e.Contains("letters and digits", StringComparison.Ordinal));
        Assert.Contains(check.Errors, e => e.Contains("{{Reference", StringComparison.Ordinal) && e.Contains("no closing", StringComparison.Ordinal));
        Assert.Contains(check.Errors, e => e.Contains("{{}}", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[]> NotWordDocuments() => new()
    {
        { "random bytes", [1, 2, 3, 4, 5, 6, 7, 8] },
        { "empty", [] },
        { "pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray() },
        { "old .doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] },
        { "plain zip", PlainZip() },
        { "spreadsheet", FileInspectorTests.Xlsx() },
    };

    [Theory]
    [MemberData(nameof(NotWordDocuments))]
    public void Check_says_plainly_when_the_file_is_not_a_word_document(string what, byte[] content)
    {
        var check = DocxTemplate.Check(content, Valid);

        Assert.False(check.IsValid, what);
        Assert.Equal(["The file is not a Word document (.docx)"], check.Errors);
        Assert.Throws<ArgumentException>(() => DocxTemplate.Fill(content, Values()));
    }

    [Fact]
    public void A_macro_enabled_template_is_refused()
    {
        var docm = FileInspectorTests.Docm();

        Assert.Equal([DocxTemplate.HasMacros], DocxTemplate.Check(docm, Valid).Errors);
        Assert.Throws<ArgumentException>(() => DocxTemplate.Fill(docm, Values()));
    }

    internal static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("hello");
        }

        return stream.ToArray();
    }

    private static byte[] AddToBody(byte[] docx, Table table)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            body.InsertBefore(table, body.GetFirstChild<SectionProperties>());
        }

        return stream.ToArray();
    }
}
