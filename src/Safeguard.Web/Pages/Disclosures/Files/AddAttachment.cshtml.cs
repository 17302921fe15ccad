using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Documents;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Files;

/// <summary>
/// Uploads evidence to an open application. The file is judged by its content (see <see cref="FileInspector"/>),
/// not by its name or the browser's word; a refused file is not kept anywhere.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
[RequestSizeLimit(UploadLimit)]
public sealed class AddAttachmentModel(RecordScope scope, DisclosureFiles files, SafeguardDbContext db) : ApplicationPage(scope)
{
    /// <summary>A little above the 20 MB file limit, so a file just over it gets a plain error rather than a broken request.</summary>
    public const long UploadLimit = FileInspector.DefaultMaxBytes + (2 * 1024 * 1024);

    [BindProperty(Name = "File")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? ResearchCheckId { get; set; }

    public IReadOnlyList<(string Value, string Text)> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAsync();
        if (shown is PageResult && !Application.IsOpen)
        {
            return Redirect(RecordUrl);
        }

        if (shown is PageResult)
        {
            await LoadChecksAsync();
        }

        return shown;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        await LoadChecksAsync();
        int? checkId = null;
        if (!string.IsNullOrEmpty(ResearchCheckId))
        {
            if (int.TryParse(ResearchCheckId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                checkId = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(ResearchCheckId), "Select a check recorded on this application, or none");
            }
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("File", Upload is null ? "Select a file" : FileInspector.Empty);
            return Page();
        }

        if (Upload.Length > FileInspector.DefaultMaxBytes)
        {
            ModelState.AddModelError("File", "The selected file must be smaller than 20 MB");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        var result = await files.AddAttachmentAsync(Id, Upload.FileName, buffer.ToArray(), checkId, ct);
        return Outcome(result, "The attachment was added");
    }

    private async Task LoadChecksAsync()
    {
        var checks = await db.ResearchChecks.AsNoTracking().Where(c => c.ApplicationId == Id).OrderBy(c => c.CheckedOn).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.CheckedOn, c.Result, Source = db.ResearchSources.Where(s => s.Id == c.SourceId).Select(s => s.Name).First() })
            .ToListAsync(HttpContext.RequestAborted);
        Checks = checks.Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), $"{c.Source}, {London.Format(c.CheckedOn)}: {CheckResultNames.Of(c.Result).ToLowerInvariant()}"))
            .Append((string.Empty, "None of these"))
            .ToList();
    }
}
