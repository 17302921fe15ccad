using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

[Authorize(Policy = "Capability:ResearchDisclosures")]
public sealed class CriteriaModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public bool? WithinScheme { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? ApplicantToldOnDay { get; set; }
    [BindProperty] public string? ApplicantToldOnMonth { get; set; }
    [BindProperty] public string? ApplicantToldOnYear { get; set; }

    public DateInput ToldOn => new("ApplicantToldOn", "Date the applicant was told (if not within the scheme)", "For example, 27 3 2026",
        ApplicantToldOnDay, ApplicantToldOnMonth, ApplicantToldOnYear);

    public Task<IActionResult> OnGetAsync() => ShowAtAsync(DisclosureStage.CriteriaReview);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var told = ReadDate(ToldOn, ModelState, "The date the applicant was told must be a real date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.RecordCriteriaReviewAsync(Id, Version, new CriteriaReviewInput(WithinScheme, Reasons, told), HttpContext.RequestAborted);
        return Outcome(result, WithinScheme == true ? "The application is within the scheme" : "The application is not within the scheme and has been closed");
    }
}
