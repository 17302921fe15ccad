using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

/// <summary>
/// The decision, by someone other than the researcher: disclose or not, what, to whom, who delivers, whether the
/// subject is told, and the rationale. The answers are checked on a second view before they are saved.
/// </summary>
[Authorize(Policy = "Capability:DecideDisclosures")]
public sealed class DecisionModel(RecordScope scope, DisclosureService service, SafeguardDbContext db) : ApplicationPage(scope)
{
    [BindProperty] public bool? Disclose { get; set; }
    [BindProperty] public string? DecidedOnDay { get; set; }
    [BindProperty] public string? DecidedOnMonth { get; set; }
    [BindProperty] public string? DecidedOnYear { get; set; }
    [BindProperty] public string? Wording { get; set; }
    [BindProperty] public int? RecipientPersonId { get; set; }
    [BindProperty] public string? DisclosureOfficerUserId { get; set; }
    [BindProperty] public bool? SubjectToBeTold { get; set; }
    [BindProperty] public string? NoDisclosureReason { get; set; }
    [BindProperty] public string? Lawful { get; set; }
    [BindProperty] public string? Necessary { get; set; }
    [BindProperty] public string? Proportionate { get; set; }
    [BindProperty] public string? PressingNeed { get; set; }
    [BindProperty] public string? OtherSafeguarding { get; set; }

    public bool Checking { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Recipients { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Officers { get; private set; } = [];

    public DateInput DecidedOn => new("DecidedOn", "Date of the decision", "For example, 27 3 2026", DecidedOnDay, DecidedOnMonth, DecidedOnYear);

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAtAsync(DisclosureStage.Decision);
        if (shown is PageResult)
        {
            await LoadChoicesAsync();
        }

        return shown;
    }

    public async Task<IActionResult> OnPostContinueAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        await LoadChoicesAsync();
        ReadDate(DecidedOn, ModelState, "The date of the decision must be a real date");
        Checking = ModelState.IsValid && Disclose is not null;
        if (Disclose is null)
        {
            ModelState.AddModelError(nameof(Disclose), "Select whether to disclose");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        await LoadChoicesAsync();
        var on = ReadDate(DecidedOn, ModelState, "The date of the decision must be a real date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.RecordDecisionAsync(Id, Version, new DecisionInput(Disclose, on, Wording, RecipientPersonId, DisclosureOfficerUserId,
            SubjectToBeTold, Lawful, Necessary, Proportionate, PressingNeed, OtherSafeguarding, NoDisclosureReason), HttpContext.RequestAborted);
        return Outcome(result, Disclose == true ? "Decision recorded: disclose" : "Decision recorded: no disclosure");
    }

    public string RecipientText => Recipients.FirstOrDefault(r => r.Value == RecipientPersonId?.ToString(CultureInfo.InvariantCulture)).Text ?? "";

    public string OfficerText => Officers.FirstOrDefault(o => o.Value == DisclosureOfficerUserId).Text ?? "";

    private async Task LoadChoicesAsync()
    {
        var ct = HttpContext.RequestAborted;
        var people = Application.People.Where(p => p.Role != ApplicationRole.Subject).ToList();
        var ids = people.Select(p => p.PersonId).Distinct().ToList();
        var names = await db.PersonNames.Where(n => ids.Contains(n.PersonId) && n.Kind == NameKind.Current)
            .Select(n => new { n.PersonId, Name = n.GivenName + " " + n.FamilyName }).ToListAsync(ct);
        Recipients = ids.Select(id => (id.ToString(CultureInfo.InvariantCulture),
            $"{names.FirstOrDefault(n => n.PersonId == id)?.Name ?? "(no name)"} ({string.Join(", ", people.Where(p => p.PersonId == id).Select(p => ApplicationRoleNames.Of(p.Role).ToLowerInvariant()))})")).ToList();
        Officers = (await service.DisclosureOfficers(Application.AreaId).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
