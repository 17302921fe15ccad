using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Files;

/// <summary>
/// Sends one file of an application as a download, never to be shown inline: only a file of that application,
/// only to someone who may see the application (404 otherwise), and every download is audited.
/// </summary>
public sealed class DownloadModel(RecordScope scope, DisclosureFiles files) : ApplicationPage(scope)
{
    [BindProperty(SupportsGet = true)]
    public int FileId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(RecordOperation.View))
        {
            return NotFound();
        }

        var file = await files.OpenAsync(Id, FileId, HttpContext.RequestAborted);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        // A download name makes the response "attachment", with the name encoded for any browser.
        return File(file.Content, file.ContentType, file.FileName);
    }

    public IActionResult OnPost() => NotFound();
}
