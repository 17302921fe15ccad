using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

/// <summary>Why an application is late, and how people are kept safe until it is done.</summary>
public sealed class DelayModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? SafeguardingPlan { get; set; }

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await service.RecordDelayAsync(Id, new DelayInput(Reason, SafeguardingPlan), HttpContext.RequestAborted);
        return Outcome(result, "The reason for the delay and the safeguarding plan were recorded");
    }
}
