using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

[Authorize(Policy = "Capability:DeliverDisclosures")]
public sealed class DeliveryModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public string? DeliveredOnDay { get; set; }
    [BindProperty] public string? DeliveredOnMonth { get; set; }
    [BindProperty] public string? DeliveredOnYear { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Present { get; set; }
    [BindProperty] public bool ConfidentialityExplained { get; set; }
    [BindProperty] public string? RecipientResponse { get; set; }
    [BindProperty] public string? SafetyPlan { get; set; }
    [BindProperty] public string? Referrals { get; set; }

    public DateInput DeliveredOn => new("DeliveredOn", "Date of the disclosure", "For example, 27 3 2026", DeliveredOnDay, DeliveredOnMonth, DeliveredOnYear);

    public Task<IActionResult> OnGetAsync() => ShowAtAsync(DisclosureStage.Disclosure);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var on = ReadDate(DeliveredOn, ModelState, "The date of the disclosure must be a real date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.RecordDeliveryAsync(Id, Version,
            new DeliveryInput(on, Place, Present, ConfidentialityExplained, RecipientResponse, SafetyPlan, Referrals), HttpContext.RequestAborted);
        return Outcome(result, "The disclosure was recorded and the application closed");
    }
}
