using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>Attachments, downloads and generated documents on an application, over HTTP as a browser uses them.</summary>
[Collection(AppCollection.Name)]
public sealed class FilesPagesTests(SafeguardApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    [Fact]
    public async Task An_uploaded_attachment_is_stored_and_listed_on_the_record()
    {
        var id = await app.NewApplicationAsync();
        var client = await app.FilesSignInAsync(Roles.CruResearcher);
        var response = await client.PostFileAsync($"/disclosures/{id}/attachments/add", "Police report.pdf", Pdf, ("ResearchCheckId", ""));
        await response.AssertRedirectsToAsync($"/disclosures/{id}");

        var file = Assert.Single(await app.FilesOfAsync(id));
        Assert.Equal(("Police report.pdf", "application/pdf", FileOrigin.Attachment), (file.FileName, file.ContentType, file.Origin));
        Assert.Equal(Pdf, file.Content);

        var record = await client.GetPageAsync($"/disclosures/{id}");
        Assert.Contains("The attachment was added", record.QuerySelector("#notice")!.TextContent);
        Assert.NotNull(record.QuerySelector($"#files ~ ul a[href='/disclosures/{id}/files/{file.Id}']"));
        Assert.True(await app.AuditedAsync("disclosure.attachment-added", PeopleEditing.Id(id)));
    }

    [Fact]
    public async Task A_disguised_file_is_refused_with_the_error_summary_and_nothing_is_saved()
    {
        var id = await app.NewApplicationAsync();
        var client = await app.FilesSignInAsync(Roles.CruResearcher);
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('x')</script></body></html>");
        var response = await client.PostFileAsync($"/disclosures/{id}/attachments/add", "statement.pdf", html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("The selected file's contents do not match its name", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#File']"));
        Assert.NotNull(page.QuerySelector("#File-error"));

        var empty = await client.PostFileAsync($"/disclosures/{id}/attachments/add", "empty.pdf", []);
        Assert.Matches("Select a file|The selected file is empty", (await empty.ReadDocumentAsync()).ErrorSummary());
        Assert.Empty(await app.FilesOfAsync(id));
    }

    [Fact]
    public async Task A_request_too_big_to_read_gets_a_page_that_says_so_and_nothing_is_saved()
    {
        var id = await app.NewApplicationAsync();
        var client = await app.FilesSignInAsync(Roles.CruResearcher);
        var huge = new byte[(int)Safeguard.Web.Pages.Disclosures.Files.AddAttachmentModel.UploadLimit + 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(huge);

        var response = await client.PostFileAsync($"/disclosures/{id}/attachments/add", "scan.pdf", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("The file is too big", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("20 MB", page.QuerySelector("main")!.TextContent);
        Assert.Empty(await app.FilesOfAsync(id));
    }

    [Fact]
    public async Task A_download_returns_the_bytes_as_an_attachment_and_is_audited()
    {
        var id = await app.NewApplicationAsync();
        var researcher = await app.FilesUserAsync(Roles.CruResearcher);
        var client = await app.SignInAsync(researcher);
        await (await client.PostFileAsync($"/disclosures/{id}/attachments/add", "Scan 1.pdf", Pdf)).AssertRedirectsToAsync($"/disclosures/{id}");
        var file = Assert.Single(await app.FilesOfAsync(id));

        var response = await client.GetAsync($"/disclosures/{id}/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Scan 1.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(await app.AuditedAsync("disclosure.file-downloaded", PeopleEditing.Id(id), researcher.Id));

        // The file's id under another application's address is not found.
        var other = await app.NewApplicationAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/disclosures/{other}/files/{file.Id}")).StatusCode);

        // Auditors read every application, so they may download too.
        var auditor = await app.FilesSignInAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/disclosures/{id}/files/{file.Id}")).StatusCode);
    }

    [Fact]
    public async Task Someone_from_another_area_gets_404_and_an_agency_representative_gets_nothing()
    {
        var id = await app.NewApplicationAsync();
        var researcher = await app.SignInAsync(await app.FilesUserAsync(Roles.CruResearcher));
        await (await researcher.PostFileAsync($"/disclosures/{id}/attachments/add", "Secret.pdf", Pdf)).AssertRedirectsToAsync($"/disclosures/{id}");
        var file = Assert.Single(await app.FilesOfAsync(id));
        var download = $"/disclosures/{id}/files/{file.Id}";

        var outsider = await app.FilesUserAsync(Roles.CruSupervisor, await app.FilesAwayAsync());
        var away = await app.SignInAsync(outsider);
        var refused = await away.GetAsync(download);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("%PDF", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await away.GetAsync($"/disclosures/{id}/attachments/add")).StatusCode);
        Assert.False(await app.AuditedAsync("disclosure.file-downloaded", PeopleEditing.Id(id), outsider.Id));
        Assert.True(await app.AuditedAsync("access.denied", PeopleEditing.Id(id), outsider.Id));

        var representative = await app.FilesSignInAsync(Roles.AgencyRepresentative);
        foreach (var path in new[] { download, $"/disclosures/{id}/attachments/add", $"/disclosures/{id}/documents" })
        {
            var response = await representative.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/error/403", response.RedirectPath());
        }

        // An auditor may read but not add.
        var auditor = await app.FilesSignInAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/disclosures/{id}/attachments/add")).StatusCode);
    }

    [Fact]
    public async Task The_disclosure_document_is_created_from_the_record_after_the_decision()
    {
        var id = await app.DecidedApplicationAsync(disclose: true);
        var reference = DisclosureApplication.FormatReference(Scheme.Dvds, id);
        var client = await app.FilesSignInAsync(Roles.DisclosureOfficer);
        var record = await client.GetPageAsync($"/disclosures/{id}");
        Assert.Contains("Create the disclosure document", record.QuerySelector($"form[action='/disclosures/{id}/documents']")!.TextContent);

        var response = await client.PostPairsAsync($"/disclosures/{id}", $"/disclosures/{id}/documents");
        await response.AssertRedirectsToAsync($"/disclosures/{id}");
        var after = await client.GetPageAsync($"/disclosures/{id}");
        Assert.Contains("The disclosure document was created", after.QuerySelector("#notice")!.TextContent);
        var file = Assert.Single(await app.FilesOfAsync(id));
        Assert.Equal($"{reference} disclosure document.docx", file.FileName);
        Assert.Contains("The subject has convictions for violence", Core.Disclosures.Documents.DocxTemplate.TextOf(file.Content));
        Assert.Contains($"{reference} disclosure document.docx", after.QuerySelector("#files ~ ul")!.TextContent);

        var download = await client.GetAsync($"/disclosures/{id}/files/{file.Id}");
        Assert.Equal(DisclosureFiles.WordContentType, download.Content.Headers.ContentType!.MediaType);

        // A GET of the action only goes back to the record.
        Assert.Equal($"/disclosures/{id}", (await client.GetAsync($"/disclosures/{id}/documents")).Location());
    }

    [Fact]
    public async Task No_disclosure_gives_the_letter_and_before_a_decision_there_is_nothing_to_create()
    {
        var decided = await app.DecidedApplicationAsync(disclose: false);
        var client = await app.FilesSignInAsync(Roles.CruSupervisor);
        var made = await client.PostPairsAsync($"/disclosures/{decided}", $"/disclosures/{decided}/documents");
        await made.AssertRedirectsToAsync($"/disclosures/{decided}");
        Assert.Equal(FileOrigin.NonDisclosureLetter, Assert.Single(await app.FilesOfAsync(decided)).Origin);
        Assert.Contains("The non-disclosure letter was created", (await client.GetPageAsync($"/disclosures/{decided}")).QuerySelector("#notice")!.TextContent);

        var undecided = await app.NewApplicationAsync();
        var refused = await client.PostPairsAsync($"/disclosures/{decided}", $"/disclosures/{undecided}/documents");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("only after the decision", (await refused.ReadDocumentAsync()).ErrorSummary());
        Assert.Empty(await app.FilesOfAsync(undecided));

        // Auditors see the record but cannot create documents on it.
        var auditor = await app.FilesSignInAsync(Roles.Auditor);
        var auditorPost = await auditor.PostPairsAsync($"/disclosures/{decided}", $"/disclosures/{decided}/documents");
        Assert.Equal(HttpStatusCode.NotFound, auditorPost.StatusCode);
        Assert.Single(await app.FilesOfAsync(decided));
    }
}
