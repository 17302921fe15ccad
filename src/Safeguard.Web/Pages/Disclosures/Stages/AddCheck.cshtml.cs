using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

[Authorize(Policy = "Capability:ResearchDisclosures")]
public sealed class AddCheckModel(RecordScope scope, DisclosureService service, SafeguardDbContext db) : ApplicationPage(scope)
{
    [BindProperty] public int? SourceId { get; set; }
    [BindProperty] public string? CheckedOnDay { get; set; }
    [BindProperty] public string? CheckedOnMonth { get; set; }
    [BindProperty] public string? CheckedOnYear { get; set; }
    [BindProperty] public CheckResult? Result { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public IReadOnlyList<(string Value, string Text)> Sources { get; private set; } = [];

    public DateInput CheckedOn => new("CheckedOn", "Date of the check", "For example, 27 3 2026", CheckedOnDay, CheckedOnMonth, CheckedOnYear);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadSourcesAsync();
        return await ShowAtAsync(DisclosureStage.Research);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadSourcesAsync();
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var on = ReadDate(CheckedOn, ModelState, "The date of the check must be a real date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.AddCheckAsync(Id, new CheckInput(SourceId ?? 0, on, Result, Summary), HttpContext.RequestAborted);
        return Outcome(result, "The check was recorded");
    }

    private async Task LoadSourcesAsync() =>
        Sources = (await db.ResearchSources.Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(s => (s.Id.ToString(CultureInfo.InvariantCulture), s.Name)).ToList();
}
