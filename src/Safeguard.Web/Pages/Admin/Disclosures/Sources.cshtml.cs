using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>The sources the CRU checks during research: add one, or change or retire one on its own page.</summary>
public sealed class SourcesModel(SafeguardDbContext db, DisclosureSettingsChanges changes) : SettingsPage
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<ResearchSource> Sources { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ReadNotice();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await changes.AddSourceAsync(Name, HttpContext.RequestAborted);
        return await OutcomeAsync(result, $"{result.Value?.Name} was added", "/admin/disclosures/sources", LoadAsync);
    }

    private async Task LoadAsync() =>
        Sources = await db.ResearchSources.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ToListAsync(HttpContext.RequestAborted);
}
