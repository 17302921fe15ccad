using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Tests.Disclosures.Files;

/// <summary>Documents made from the force's templates after a decision, template uploads, and the attachment gate.</summary>
public sealed class DisclosureFilesTests : FilesFixture
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_disclosure_document_is_made_from_the_decided_application_and_names_no_one_in_its_file_name()
    {
        var made = await DecidedAsync(disclose: true, wording: "Mr Subject was convicted of assault in 2019.", atRisk: "Rosa Recipient");
        using var scope = As(Officer);
        var result = await Service<DisclosureFiles>(scope).GenerateDocumentAsync(made.Id);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));

        var file = Assert.Single(await FilesAsync(made.Id));
        Assert.Equal(FileOrigin.DisclosureDocument, file.Origin);
        Assert.Equal($"{made.Reference} disclosure document.docx", file.FileName);
        Assert.Matches("^DV[0-9]{6} disclosure document.docx$", file.FileName);
        Assert.Equal(DisclosureFiles.WordContentType, file.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content)), file.Sha256);

        var text = DocxTemplate.TextOf(file.Content);
        Assert.Contains($"Reference: {made.Reference}", text);
        Assert.Contains("Disclosure made to: Rosa Recipient", text);
        Assert.Contains("Mr Subject was convicted of assault in 2019.", text);
        Assert.Contains("Domestic Violence Disclosure Scheme (Right to Ask)", text);
        Assert.Contains("Testshire Police, Area A", text);
        Assert.Contains("Date of disclosure: 18 November 2026", text);
        Assert.Contains("Disclosure delivered by: Olu Officer", text);
        Assert.DoesNotContain("{{", text);

        Assert.Contains("disclosure.document-generated", await AuditActionsAsync(Id(made.Id)));
        using var check = Host.Scope();
        var events = await Service<SafeguardDbContext>(check).ApplicationEvents.Where(e => e.ApplicationId == made.Id).Select(e => e.Title).ToListAsync();
        Assert.Contains("Disclosure document created", events);
    }

    [Fact]
    public async Task A_no_disclosure_decision_gives_the_non_disclosure_letter()
    {
        var made = await DecidedAsync(disclose: false, applicant: "Nadia Asker");
        using var scope = As(DecisionMaker);
        var result = await Service<DisclosureFiles>(scope).GenerateDocumentAsync(made.Id);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));

        var file = Assert.Single(await FilesAsync(made.Id));
        Assert.Equal(FileOrigin.NonDisclosureLetter, file.Origin);
        Assert.Equal($"{made.Reference} non-disclosure letter.docx", file.FileName);
        var text = DocxTemplate.TextOf(file.Content);
        Assert.Contains("Dear Nadia Asker", text);
        Assert.Contains("We found no information that we can share with you.", text);
        Assert.Contains($"Our reference: {made.Reference}", text);
        Assert.Contains("Yours sincerely\nDev Decider", text);
    }

    [Fact]
    public async Task Sarahs_law_documents_name_the_children()
    {
        var made = await DecidedAsync(disclose: true, scheme: Scheme.Csods, route: Route.RightToKnow);
        using var scope = As(Officer);
        Assert.True((await Service<DisclosureFiles>(scope).GenerateDocumentAsync(made.Id)).Succeeded);
        var text = DocxTemplate.TextOf(Assert.Single(await FilesAsync(made.Id)).Content);
        Assert.Contains("Children this disclosure is about: Cody Child", text);
        Assert.Contains("Child Sex Offender Disclosure Scheme (Right to Know)", text);
    }

    [Fact]
    public async Task No_document_before_the_decision()
    {
        var made = await NewApplicationAsync();
        using var scope = As(Researcher);
        var result = await Service<DisclosureFiles>(scope).GenerateDocumentAsync(made.Id);
        Assert.False(result.Succeeded);
        Assert.Contains("after the decision", result.Errors.Single().Message);
        Assert.Empty(await FilesAsync(made.Id));
        Assert.DoesNotContain("disclosure.document-generated", await AuditActionsAsync(Id(made.Id)));
    }

    [Fact]
    public async Task An_attachment_is_stored_with_its_checked_type_and_hash_and_audited_without_its_content()
    {
        var made = await NewApplicationAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
        using (var scope = As(Researcher))
        {
            var added = await Service<DisclosureFiles>(scope).AddAttachmentAsync(made.Id, @"C:\Users\me\Police report.pdf", pdf);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        }

        var file = Assert.Single(await FilesAsync(made.Id));
        Assert.Equal("Police report.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(pdf.Length, file.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.Sha256);

        using var check = Host.Scope();
        var db = Service<SafeguardDbContext>(check);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "disclosure.attachment-added" && e.RecordId == Id(made.Id));
        Assert.Contains(file.Sha256, audit.After);
        Assert.DoesNotContain("PDF-1.7", audit.After);
        Assert.DoesNotContain(Convert.ToBase64String(pdf)[..12], audit.After);
        Assert.Contains("Attachment added", await db.ApplicationEvents.Where(e => e.ApplicationId == made.Id).Select(e => e.Title).ToListAsync());

        var opened = await Service<DisclosureFiles>(check).OpenAsync(made.Id, file.Id);
        Assert.Equal(pdf, opened!.Content);
        Assert.Null(await Service<DisclosureFiles>(check).OpenAsync(made.Id + 1000, file.Id));
        Assert.Contains("disclosure.file-downloaded", await AuditActionsAsync(Id(made.Id)));
    }

    [Fact]
    public async Task Disguised_and_oversized_attachments_are_refused_and_nothing_is_saved()
    {
        var made = await NewApplicationAsync();
        using (var scope = As(Researcher))
        {
            var files = Service<DisclosureFiles>(scope);
            var disguised = await files.AddAttachmentAsync(made.Id, "statement.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"));
            var error = Assert.Single(disguised.Errors);
            Assert.Equal("File", error.Field);
            Assert.Contains("do not match its name", error.Message);

            var big = new byte[FileInspector.DefaultMaxBytes + 1];
            Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(big, 0);
            var oversized = await files.AddAttachmentAsync(made.Id, "scan.pdf", big);
            Assert.Equal("The selected file must be smaller than 20 MB", Assert.Single(oversized.Errors).Message);

            var program = await files.AddAttachmentAsync(made.Id, "tool.exe", [0x4D, 0x5A, 0x90, 0x00]);
            Assert.Equal(FileInspector.WrongType, Assert.Single(program.Errors).Message);
        }

        Assert.Empty(await FilesAsync(made.Id));
        Assert.DoesNotContain("disclosure.attachment-added", await AuditActionsAsync(Id(made.Id)));
    }

    [Fact]
    public async Task A_closed_application_takes_no_attachments()
    {
        var made = await NewApplicationAsync();
        using (var scope = As(Researcher))
        {
            var version = (await ApplicationAsync(made.Id)).Version;
            var closed = await Service<DisclosureService>(scope).CloseEarlyAsync(made.Id, version, new ClosureInput(DisclosureOutcome.Withdrawn, "Applicant withdrew"));
            Assert.True(closed.Succeeded);
        }

        using (var scope = As(Researcher))
        {
            var refused = await Service<DisclosureFiles>(scope).AddAttachmentAsync(made.Id, "a.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));
            Assert.Contains("closed", Assert.Single(refused.Errors).Message);
        }

        Assert.Empty(await FilesAsync(made.Id));
    }
}
