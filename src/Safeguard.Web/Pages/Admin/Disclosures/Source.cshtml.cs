using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>Rename a research source, or turn it off so it is no longer offered for new checks.</summary>
public sealed class SourceModel(SafeguardDbContext db, DisclosureSettingsChanges changes) : SettingsPage
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var source = await db.ResearchSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, HttpContext.RequestAborted);
        if (source is null)
        {
            return NotFound();
        }

        (Name, IsActive) = (source.Name, source.IsActive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await db.ResearchSources.AnyAsync(s => s.Id == Id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        var result = await changes.UpdateSourceAsync(Id, Name, IsActive, HttpContext.RequestAborted);
        return await OutcomeAsync(result, $"{result.Value?.Name} was changed", "/admin/disclosures/sources", () => Task.CompletedTask);
    }
}
