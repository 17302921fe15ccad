using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Tests.Disclosures.Documents;

public sealed class FileInspectorTests
{
    private const string WrongType = "The selected file must be a PDF, image (PNG, JPEG or GIF), Word document, Excel spreadsheet or email (.eml)";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];
    private static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B];
    private static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
    private static readonly byte[] Eml = Encoding.ASCII.GetBytes(
        "Received: from mail.example.org\r\nFrom: Alex <alex@example.org>\r\nTo: officer@example.police.uk\r\n" +
        "Subject: Messages\r\n\tcontinued\r\nDate: Sun, 22 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n\r\nThe body.\r\n");
    private static readonly byte[] Html = "<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>"u8.ToArray();

    internal static byte[] Xlsx(SpreadsheetDocumentType type = SpreadsheetDocumentType.Workbook)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, type))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData());
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1U, Name = "Calls" }));
        }

        return stream.ToArray();
    }

    internal static byte[] Docm()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.MacroEnabledDocument))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }

        return stream.ToArray();
    }

    public static TheoryData<string, byte[], FileKind, string> RealFiles() => new()
    {
        { "statement.pdf", Pdf, FileKind.Pdf, "application/pdf" },
        { "bruise.PNG", Png, FileKind.Png, "image/png" },
        { "photo.jpg", Jpeg, FileKind.Jpeg, "image/jpeg" },
        { "photo.jpeg", Jpeg, FileKind.Jpeg, "image/jpeg" },
        { "map.gif", Gif, FileKind.Gif, "image/gif" },
        { "letter.docx", SimpleDocx.Build("Letter", ["Hello"]), FileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "calls.xlsx", Xlsx(), FileKind.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "message.eml", Eml, FileKind.Email, "message/rfc822" },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Each_real_kind_is_accepted_with_its_mime_type(string name, byte[] content, FileKind kind, string contentType)
    {
        var check = FileInspector.Inspect(name, content);

        Assert.True(check.IsAccepted, check.Error);
        Assert.Null(check.Error);
        Assert.Equal(kind, check.Kind);
        Assert.Equal(contentType, check.ContentType);
        Assert.Equal(name, check.SafeFileName);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var check = FileInspector.Inspect("statement.pdf", []);

        Assert.False(check.IsAccepted);
        Assert.Equal("The selected file is empty", check.Error);
        Assert.Equal(FileKind.Unknown, check.Kind);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        Assert.Equal("The selected file must be smaller than 20 MB", FileInspector.Inspect("big.pdf", new byte[(20 * 1024 * 1024) + 1]).Error);
        Assert.False(FileInspector.Inspect("statement.pdf", Pdf, maxBytes: Pdf.Length - 1).IsAccepted);
        Assert.True(FileInspector.Inspect("statement.pdf", Pdf, maxBytes: Pdf.Length).IsAccepted);
    }

    public static TheoryData<string, byte[], string> DisguisedFiles() => new()
    {
        { "statement.pdf", Exe, "a Windows program" },
        { "statement.docx", Pdf, "a PDF" },
        { "statement.docx", DocxTemplateTests.PlainZip(), "a zip archive" },
        { "message.eml", Html, "a web page (HTML)" },
        { "calls.xlsx", SimpleDocx.Build("Not a sheet", []), "a Word document" },
        { "photo.jpg", Png, "a PNG image" },
        { "letter.docx", Xlsx(), "an Excel spreadsheet" },
    };

    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public void A_file_whose_content_does_not_match_its_name_is_refused_naming_what_it_looks_like(string name, byte[] content, string looksLike)
    {
        var check = FileInspector.Inspect(name, content);

        Assert.False(check.IsAccepted);
        Assert.Equal($"The selected file's contents do not match its name (it looks like {looksLike})", check.Error);
        Assert.Equal("application/octet-stream", check.ContentType);
    }

    [Fact]
    public void Text_named_as_an_accepted_kind_is_refused_as_not_that_kind()
    {
        var check = FileInspector.Inspect("statement.pdf", "just some text"u8.ToArray());

        Assert.Equal("The selected file's contents do not match its name (it does not look like a PDF)", check.Error);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("notes.txt")]
    [InlineData("page.html")]
    [InlineData("no-extension")]
    public void A_name_with_an_extension_that_is_not_accepted_is_refused(string name)
    {
        var check = FileInspector.Inspect(name, name == "setup.exe" ? Exe : Pdf);

        Assert.False(check.IsAccepted);
        Assert.Equal(WrongType, check.Error);
    }

    [Theory]
    [InlineData("letter.docm", true)]
    [InlineData("letter.docx", true)]
    [InlineData("calls.xlsm", false)]
    [InlineData("calls.xlsx", false)]
    public void Macro_enabled_office_files_are_refused_whatever_they_are_called(string name, bool word)
    {
        var content = word ? Docm() : Xlsx(SpreadsheetDocumentType.MacroEnabledWorkbook);

        var check = FileInspector.Inspect(name, content);

        Assert.False(check.IsAccepted);
        Assert.Contains("macros", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_must_start_with_headers_and_have_no_nul_bytes()
    {
        Assert.False(FileInspector.Inspect("a.eml", "Hello\r\nFrom: x@example.org\r\nSubject: hi\r\n\r\n"u8.ToArray()).IsAccepted);
        Assert.False(FileInspector.Inspect("a.eml", "From: x@example.org\r\nX-Note: only from\r\n\r\n"u8.ToArray()).IsAccepted);
        Assert.False(FileInspector.Inspect("a.eml", [.. Eml, 0]).IsAccepted);
        Assert.True(FileInspector.Inspect("a.eml", "from: x@example.org\nsubject: hi\n\nbody"u8.ToArray()).IsAccepted);
    }

    [Theory]
    [InlineData(@"..\..\evil.pdf", "evil.pdf")]
    [InlineData("../../etc/evil.pdf", "evil.pdf")]
    [InlineData(@"C:\Users\officer\Desktop\statement.pdf", "statement.pdf")]
    [InlineData("state\u0000ment\r\n.pdf", "statement.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("report\u202Efdp.exe.pdf", "reportfdp.exe.pdf")]
    [InlineData("<>.pdf", "attachment.pdf")]
    [InlineData("..", "attachment")]
    [InlineData(" .statement.pdf. ", "statement.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    public void The_safe_file_name_keeps_only_a_harmless_name_and_its_extension(string uploaded, string safe)
    {
        Assert.Equal(safe, FileInspector.Inspect(uploaded, Pdf).SafeFileName);
    }

    [Fact]
    public void A_long_name_is_cut_to_150_characters_keeping_its_extension()
    {
        var safe = FileInspector.Inspect(new string('a', 300) + ".pdf", Pdf);

        Assert.True(safe.IsAccepted);
        Assert.Equal(150, safe.SafeFileName.Length);
        Assert.EndsWith("aaa.pdf", safe.SafeFileName, StringComparison.Ordinal);
    }
}
