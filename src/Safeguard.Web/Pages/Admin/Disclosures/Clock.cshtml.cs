using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>How long one clock of one scheme runs, and whether it runs at all.</summary>
public sealed class ClockModel(SafeguardDbContext db, DisclosureSettingsChanges changes) : SettingsPage
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    public DisclosureClock Clock { get; private set; } = null!;

    public string SchemeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        (Amount, Unit, IsActive) = (Clock.Amount.ToString(CultureInfo.InvariantCulture), Clock.Unit.ToString(), Clock.IsActive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        int? amount = null;
        if (int.TryParse(Amount?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            amount = parsed;
        }
        else if (!string.IsNullOrWhiteSpace(Amount))
        {
            ModelState.AddModelError(nameof(Amount), "Enter the length of the clock as a whole number, like 28");
        }

        ClockUnit? unit = Enum.TryParse<ClockUnit>(Unit, out var u) && Enum.IsDefined(u) ? u : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await changes.UpdateClockAsync(Id, amount, unit, IsActive, HttpContext.RequestAborted);
        return await OutcomeAsync(result, $"The {ClockKinds.Of(Clock.Kind).ToLowerInvariant()} clock for {SchemeName} was changed", "/admin/disclosures",
            () => Task.CompletedTask);
    }

    private async Task<bool> LoadAsync()
    {
        var clock = await db.DisclosureClocks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, HttpContext.RequestAborted);
        if (clock is null)
        {
            return false;
        }

        Clock = clock;
        var scheme = await db.DisclosureSchemes.AsNoTracking().FirstAsync(s => s.Id == clock.SchemeId, HttpContext.RequestAborted);
        SchemeName = scheme.Name;
        return true;
    }
}
