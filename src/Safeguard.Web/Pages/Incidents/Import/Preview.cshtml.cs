using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Incidents.Import;

/// <summary>
/// "Check your answers" for a file: how many rows will be imported, every row that will not (with its line and the
/// reason) and the rows already recorded. Only the user who uploaded the file finds it; confirming imports the good
/// rows, discarding throws the file away. The file stays on the server, named only by its random token.
/// </summary>
public sealed class PreviewModel(IncidentImports imports, SafeguardDbContext db) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public ImportPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var preview = await imports.PreviewAsync(Token, await Importers.OfAsync(User, db, ct), ct);
        if (preview is null)
        {
            return NotFound();
        }

        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var ct = HttpContext.RequestAborted;
        var importer = await Importers.OfAsync(User, db, ct);
        var result = await imports.ConfirmAsync(Token, importer, ct);
        if (!result.Succeeded)
        {
            var preview = await imports.PreviewAsync(Token, importer, ct);
            if (preview is null)
            {
                return NotFound();
            }

            Preview = preview;
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        var o = result.Value!;
        TempData["IncidentNotice"] = string.Create(CultureInfo.InvariantCulture,
            $"{o.Imported} incident{(o.Imported == 1 ? " was" : "s were")} imported. {o.AlreadyRecorded} already recorded, {o.Refused} refused.");
        return Redirect("/incidents");
    }

    public async Task<IActionResult> OnPostDiscardAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!await imports.DiscardAsync(Token, User.UserId()!, ct))
        {
            return NotFound();
        }

        TempData["IncidentNotice"] = "The file was discarded. Nothing was imported.";
        return Redirect("/incidents");
    }
}
