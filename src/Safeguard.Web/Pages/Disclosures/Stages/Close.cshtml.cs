using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

[Authorize(Policy = "Capability:ResearchDisclosures")]
public sealed class CloseModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public DisclosureOutcome? Outcome { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAsync();
        return shown is Microsoft.AspNetCore.Mvc.RazorPages.PageResult && !Application.IsOpen ? Redirect(RecordUrl) : shown;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await service.CloseEarlyAsync(Id, Version, new ClosureInput(Outcome, Notes), HttpContext.RequestAborted);
        return Outcome(result, "The application was closed");
    }
}
