using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

[Authorize(Policy = "Capability:ResearchDisclosures")]
public sealed class ResearchModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public RiskLevel? RiskLevel { get; set; }
    [BindProperty] public string? RiskAssessment { get; set; }
    [BindProperty] public bool? SubjectIsRegisteredSexOffender { get; set; }

    public Task<IActionResult> OnGetAsync() => ShowAtAsync(DisclosureStage.Research);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await service.CompleteResearchAsync(Id, Version,
            new ResearchInput(RiskLevel, RiskAssessment, SubjectIsRegisteredSexOffender), HttpContext.RequestAborted);
        return Outcome(result, "Research completed: the application is ready for a decision");
    }
}
