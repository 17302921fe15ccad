using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals.Assessments;

/// <summary>
/// A risk checklist: first which one (the newest version of each), then every question answered yes, no or not
/// known, then the assessor's professional judgement. The form carries the version it was drawn from, so a new
/// version loaded meanwhile cannot change what these answers mean.
/// </summary>
[Authorize(Policy = "Capability:RecordReferrals")]
public sealed class NewModel(RecordScope scope, DashDefinitions definitions, ReferralService service) : ReferralPage(scope)
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public int DefinitionVersion { get; set; }
    [BindProperty] public Dictionary<string, DashAnswer?> Answers { get; set; } = [];
    [BindProperty] public RiskLevel? JudgedLevel { get; set; }
    [BindProperty] public string? Rationale { get; set; }

    public IReadOnlyList<DashDefinition> Choices { get; private set; } = [];
    public DashDefinition? Definition { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Text)> AnswerOptions =
        [(nameof(DashAnswer.Yes), "Yes"), (nameof(DashAnswer.No), "No"), (nameof(DashAnswer.NotKnown), "Not known")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        Choices = await definitions.CurrentAsync(HttpContext.RequestAborted);
        Definition = Choices.FirstOrDefault(d => d.Key == Key);
        DefinitionVersion = Definition?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        Definition = Key is null ? null : await definitions.FindAsync(Key, DefinitionVersion, ct);
        if (Definition is null)
        {
            Choices = await definitions.CurrentAsync(ct);
            ModelState.AddModelError(nameof(Key), "Select a risk checklist");
            return Page();
        }

        // A value that is not an answer binds as no answer; the service names each unanswered question.
        ModelState.Clear();
        var result = await service.AssessAsync(Id, new AssessmentInput(Definition.Key, Definition.Version, Answers, JudgedLevel, Rationale), ct);
        if (!result.Succeeded)
        {
            // A problem with the referral itself (no victim yet) has no field on this page: the summary links to the top.
            ModelState.AddErrors(result.Errors.Select(e => e.Field == "DefinitionKey" ? e with { Field = "" } : e));
            return Page();
        }

        TempData[SuccessKey] = "Risk assessment saved";
        return Redirect($"/referrals/{Id}/assessments/{result.Value!.Id}");
    }
}
