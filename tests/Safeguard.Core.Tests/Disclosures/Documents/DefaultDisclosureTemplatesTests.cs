using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Tests.Disclosures.Documents;

public sealed class DefaultDisclosureTemplatesTests
{
    private static readonly string[] Names = DefaultDisclosureTemplates.Placeholders.Select(p => p.Name).ToArray();

    public static TheoryData<string, string> Templates() => new()
    {
        { "Dvds", "Disclosure" },
        { "Dvds", "NonDisclosure" },
        { "Csods", "Disclosure" },
        { "Csods", "NonDisclosure" },
    };

    [Fact]
    public void The_placeholder_list_is_exactly_the_agreed_names_each_described()
    {
        Assert.Equal(
            ["Reference", "Scheme", "Route", "ForceName", "AreaName", "Today", "RecipientName", "ApplicantName",
             "PersonAtRiskName", "SubjectName", "DisclosureWording", "DecisionDate", "DeliveredBy", "NoDisclosureReason", "ChildrenNames"],
            Names);
        Assert.All(DefaultDisclosureTemplates.Placeholders, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_default_template_passes_its_own_check_and_is_a_valid_word_document(string scheme, string kind)
    {
        var docx = DefaultDisclosureTemplates.For(scheme, kind);

        var check = DocxTemplate.Check(docx, Names);
        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        Assert.NotEmpty(check.Placeholders);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Equal(WordprocessingDocumentType.Document, document.DocumentType);
        Assert.NotNull(document.MainDocumentPart!.StyleDefinitionsPart?.Styles);
        var schemaErrors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
        Assert.Empty(schemaErrors);
    }

    [Theory]
    [InlineData("Dvds", "{{PersonAtRiskName}}")]
    [InlineData("Csods", "{{ChildrenNames}}")]
    public void A_disclosure_record_carries_the_wording_confidentiality_and_the_officer(string scheme, string concerning)
    {
        var text = DocxTemplate.TextOf(DefaultDisclosureTemplates.For(scheme, "Disclosure"));

        Assert.Contains("{{DisclosureWording}}", text, StringComparison.Ordinal);
        Assert.Contains("{{RecipientName}}", text, StringComparison.Ordinal);
        Assert.Contains("{{DeliveredBy}}", text, StringComparison.Ordinal);
        Assert.Contains(concerning, text, StringComparison.Ordinal);
        Assert.Contains("confidential", text, StringComparison.Ordinal);
        Assert.Contains("999", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dvds")]
    [InlineData("Csods")]
    public void A_non_disclosure_letter_says_no_disclosure_is_not_no_risk(string scheme)
    {
        var text = DocxTemplate.TextOf(DefaultDisclosureTemplates.For(scheme, "NonDisclosure"));

        Assert.Contains("{{NoDisclosureReason}}", text, StringComparison.Ordinal);
        Assert.Contains("does not mean there is no risk", text, StringComparison.Ordinal);
        Assert.Contains("999", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DisclosureWording}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sarahs_law_documents_are_about_children()
    {
        Assert.Contains("child", DocxTemplate.TextOf(DefaultDisclosureTemplates.For("Csods", "Disclosure")), StringComparison.Ordinal);
        Assert.Contains("child", DocxTemplate.TextOf(DefaultDisclosureTemplates.For("Csods", "NonDisclosure")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filled_default_template_has_no_placeholders_left()
    {
        var values = Names.ToDictionary(n => n, n => $"<{n}>");

        var filled = DocxTemplate.Fill(DefaultDisclosureTemplates.For("Dvds", "Disclosure"), values);

        Assert.Empty(DocxTemplate.PlaceholdersIn(filled));
        Assert.Contains("<DisclosureWording>", DocxTemplate.TextOf(filled), StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_uses_a_heading_style_defined_in_the_document()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(SimpleDocx.Build("Title", ["One", "Two"])), false);

        var first = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First();
        var styleId = first.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.NotNull(styleId);
        Assert.Contains(document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>(), s => s.StyleId == styleId);
        Assert.Equal("Title\nOne\nTwo", DocxTemplate.TextOf(SimpleDocx.Build("Title", ["One", "Two"])));
    }

    [Fact]
    public void An_unknown_scheme_or_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DefaultDisclosureTemplates.For("Dvds", "Other"));
        Assert.Throws<ArgumentException>(() => DefaultDisclosureTemplates.For("dvds", "Disclosure"));
    }
}
