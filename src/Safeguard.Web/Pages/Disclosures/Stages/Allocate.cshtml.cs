using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

/// <summary>A supervisor allocates or reassigns: only CRU staff who work in the application's area are offered.</summary>
[Authorize(Policy = "Capability:AllocateDisclosures")]
public sealed class AllocateModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public string? OwnerUserId { get; set; }

    public IReadOnlyList<(string Value, string Text)> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAsync();
        if (shown is PageResult)
        {
            OwnerUserId = Application.OwnerUserId;
            await LoadStaffAsync();
        }

        return shown;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        await LoadStaffAsync();
        var result = await service.AllocateAsync(Id, Version, OwnerUserId, HttpContext.RequestAborted);
        return Outcome(result, $"The application was allocated to {Staff.FirstOrDefault(s => s.Value == OwnerUserId).Text}");
    }

    private async Task LoadStaffAsync()
    {
        var ct = HttpContext.RequestAborted;
        var open = await service.AllocatableUsers(Application.AreaId).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        Staff = open.Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
