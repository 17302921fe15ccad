using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

/// <summary>No disclosure: the applicant is told. The researcher or a disclosure officer may record it.</summary>
public sealed class InformedModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public string? InformedOnDay { get; set; }
    [BindProperty] public string? InformedOnMonth { get; set; }
    [BindProperty] public string? InformedOnYear { get; set; }
    [BindProperty] public string? How { get; set; }

    public DateInput InformedOn => new("InformedOn", "Date the applicant was told", "For example, 27 3 2026", InformedOnDay, InformedOnMonth, InformedOnYear);

    private bool Allowed => Capabilities.Has(User, Capability.ResearchDisclosures) || Capabilities.Has(User, Capability.DeliverDisclosures);

    public async Task<IActionResult> OnGetAsync() => Allowed ? await ShowAtAsync(DisclosureStage.Disclosure) : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Allowed)
        {
            return Forbid();
        }

        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var on = ReadDate(InformedOn, ModelState, "The date the applicant was told must be a real date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.RecordApplicantInformedAsync(Id, Version, new ApplicantInformedInput(on, How), HttpContext.RequestAborted);
        return Outcome(result, "Recorded that the applicant was told, and the application closed");
    }
}
