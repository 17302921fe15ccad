using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

/// <summary>Immediate risk found at any stage (dynamic triage): the application becomes urgent and supervisors are alerted.</summary>
public sealed class UrgentModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public string? RiskDescription { get; set; }
    [BindProperty] public string? SafeguardingAction { get; set; }

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await service.MarkUrgentAsync(Id, Version, new UrgentInput(RiskDescription, SafeguardingAction), HttpContext.RequestAborted);
        return Outcome(result, "The application is marked urgent and supervisors have been alerted");
    }
}
