using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Incidents.Import;

/// <summary>
/// Upload the police export. A file that cannot be read at all (not UTF-8, missing columns, too big) is refused here
/// with the reason; otherwise it is held on the server and the user goes to its preview. Nothing is imported yet.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
[RequestSizeLimit(UploadLimit)]
public sealed class IndexModel(IncidentImports imports, SafeguardDbContext db) : PageModel
{
    /// <summary>A little above the file limit, so a file just over it gets a plain error rather than a broken request.</summary>
    public const long UploadLimit = IncidentImports.MaxBytes + (2 * 1024 * 1024);

    [BindProperty(Name = "File")]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Upload is null)
        {
            ModelState.AddModelError("File", "Select the incident file (CSV)");
            return Page();
        }

        if (Upload.Length > IncidentImports.MaxBytes)
        {
            ModelState.AddModelError("File", "The selected file must be smaller than 50 MB. Split the export into smaller files");
            return Page();
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        var staged = await imports.StageAsync(buffer.ToArray(), await Importers.OfAsync(User, db, ct), ct);
        if (!staged.Succeeded)
        {
            ModelState.AddErrors(staged.Errors);
            return Page();
        }

        return Redirect($"/incidents/import/{staged.Value!.Token}");
    }
}
