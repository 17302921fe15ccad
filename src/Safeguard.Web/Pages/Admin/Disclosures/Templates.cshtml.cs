using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>
/// The Word templates the disclosure document and the non-disclosure letter are made from. An upload is
/// checked for placeholders the product does not know before it replaces the template in use.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = Pages.Disclosures.Files.AddAttachmentModel.UploadLimit)]
[RequestSizeLimit(Pages.Disclosures.Files.AddAttachmentModel.UploadLimit)]
public sealed class TemplatesModel(SafeguardDbContext db, DocumentTemplates templates) : SettingsPage
{
    [BindProperty]
    public string? Scheme { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty(Name = "File")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<TemplateSummary> Current { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        ReadNotice();
        await LoadAsync();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int templateId)
    {
        var template = await templates.DownloadTemplateAsync(templateId, HttpContext.RequestAborted);
        if (template is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        return File(template.Content, DisclosureFiles.WordContentType, template.FileName);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Core.Disclosures.Scheme? scheme = Enum.TryParse<Core.Disclosures.Scheme>(Scheme, out var s) && Enum.IsDefined(s) ? s : null;
        FileOrigin? kind = Enum.TryParse<FileOrigin>(Kind, out var k) && DocumentTemplates.Kinds.Contains(k) ? k : null;
        byte[]? content = null;
        if (Upload is { Length: > 0 and <= FileInspector.DefaultMaxBytes })
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
        }
        else if (Upload is { Length: > FileInspector.DefaultMaxBytes })
        {
            ModelState.AddModelError("File", "The selected file must be smaller than 20 MB");
            await LoadAsync();
            return Page();
        }

        var result = await templates.UploadTemplateAsync(scheme, kind, Upload?.FileName, content, HttpContext.RequestAborted);
        var what = result.Value is { } t ? $"{SchemeNames.Short(t.Scheme)} {DocumentTemplates.KindName(t.Kind)}" : "";
        return await OutcomeAsync(result, $"The {what} template was uploaded and is now in use", "/admin/disclosures/templates", LoadAsync);
    }

    private async Task LoadAsync()
    {
        Current = await templates.CurrentAsync(HttpContext.RequestAborted);
        var ids = Current.Select(t => t.UploadedByUserId).OfType<string>().Distinct().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, HttpContext.RequestAborted);
    }
}
