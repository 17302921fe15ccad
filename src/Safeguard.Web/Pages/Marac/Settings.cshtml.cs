using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// An area's MARAC schedule (how often, what time, when the pack goes out, minutes per kind of case) and the agencies
/// invited. Only for the co-ordinator's own areas; any other area is not found. Meetings already set up keep their
/// times and invited agencies.
/// </summary>
[Authorize(Policy = "Capability:ManageMeetingSettings")]
public sealed class SettingsModel(SafeguardDbContext db, MaracSettings settings, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Area { get; set; }

    [BindProperty] public string? FirstMeeting { get; set; }
    [BindProperty] public string? IntervalDays { get; set; }
    [BindProperty] public string? StartsAt { get; set; }
    [BindProperty] public DayOfWeek? PackReleaseDay { get; set; }
    [BindProperty] public string? PackReleaseAt { get; set; }
    [BindProperty] public string? MinutesClaresLaw { get; set; }
    [BindProperty] public string? MinutesInformationOnly { get; set; }
    [BindProperty] public string? MinutesSignificantUpdate { get; set; }
    [BindProperty] public string? MinutesFullDiscussion { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<int> Invited { get; set; } = [];

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];
    public string AreaName { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var s = await settings.ScheduleAsync(Area!.Value, ct);
        FirstMeeting = s.FirstMeeting.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        IntervalDays = s.IntervalDays.ToString(CultureInfo.InvariantCulture);
        StartsAt = s.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        PackReleaseDay = s.PackReleaseDay;
        PackReleaseAt = s.PackReleaseAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        MinutesClaresLaw = s.MinutesClaresLaw.ToString(CultureInfo.InvariantCulture);
        MinutesInformationOnly = s.MinutesInformationOnly.ToString(CultureInfo.InvariantCulture);
        MinutesSignificantUpdate = s.MinutesSignificantUpdate.ToString(CultureInfo.InvariantCulture);
        MinutesFullDiscussion = s.MinutesFullDiscussion.ToString(CultureInfo.InvariantCulture);
        Version = s.Version;
        Invited = [.. await settings.InvitedAsync(Area.Value, ct)];
        await audit.RecordAsync("marac.settings-viewed", "Area", Area.Value.ToString(CultureInfo.InvariantCulture), ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var input = new MaracScheduleInput(FirstMeeting, IntervalDays, StartsAt, PackReleaseDay, PackReleaseAt,
            MinutesClaresLaw, MinutesInformationOnly, MinutesSignificantUpdate, MinutesFullDiscussion, Version);
        var result = await settings.SaveAsync(Area!.Value, input, Invited, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        Notice = $"The MARAC schedule and invited agencies for {AreaName} were saved: meetings set up from now on use them";
        return Redirect($"/marac/settings?area={Area}");
    }

    /// <summary>The user's own active areas; the chosen one must be among them (the first by default).</summary>
    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var mine = User.AreaIds();
        Areas = (await db.Areas.AsNoTracking().Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
        Area ??= Areas.FirstOrDefault().Id;
        var chosen = Areas.FirstOrDefault(a => a.Id == Area);
        AreaName = chosen.Name ?? "";
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
        return chosen.Name is not null;
    }
}
