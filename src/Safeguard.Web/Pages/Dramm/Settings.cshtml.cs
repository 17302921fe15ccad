using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>
/// An area's DRAMM week: on which days it meets, when the cases go to the agencies and when the meeting starts. Only
/// for the co-ordinator's (or administrator's) own areas; any other area is not found.
/// </summary>
[Authorize(Policy = "Capability:ManageMeetingSettings")]
public sealed class SettingsModel(SafeguardDbContext db, DrammSettings settings, DrammSharing sharing) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Area { get; set; }

    [BindProperty]
    public List<DayRow> Days { get; set; } = [];

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];

    /// <summary>Every active agency, and whether it attends this area's DRAMM.</summary>
    public IReadOnlyList<(int Id, string Name, bool Attends)> Agencies { get; private set; } = [];

    [BindProperty]
    public List<int> Attending { get; set; } = [];

    public string AreaName { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public sealed class DayRow
    {
        public DayOfWeek Day { get; set; }
        public bool Meets { get; set; }
        public string? ReleaseBy { get; set; }
        public string? MeetsAt { get; set; }

        public string Name => CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(Day);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAreasAsync())
        {
            return NotFound();
        }

        Days = [.. (await settings.DaysAsync(Area!.Value, HttpContext.RequestAborted)).Select(d => new DayRow
        {
            Day = d.Day, Meets = d.Meets, ReleaseBy = d.ReleaseBy.ToString("HH:mm", CultureInfo.InvariantCulture), MeetsAt = d.MeetsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAgenciesAsync()
    {
        if (!await LoadAreasAsync())
        {
            return NotFound();
        }

        await sharing.SetAttendingAsync(Area!.Value, Attending, HttpContext.RequestAborted);
        Notice = $"The agencies attending the DRAMM in {AreaName} were saved: lists prepared from now on are shared with them";
        return Redirect($"/dramm/settings?area={Area}");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAreasAsync())
        {
            return NotFound();
        }

        var result = await settings.SaveAsync(Area!.Value, [.. Days.Select(d => new DrammDayInput(d.Day, d.Meets, d.ReleaseBy, d.MeetsAt))], HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            Days = [.. DrammSettings.Week.Select(day => Days.FirstOrDefault(d => d.Day == day) ?? new DayRow { Day = day })];
            return Page();
        }

        Notice = $"The DRAMM days and times for {AreaName} were saved";
        return Redirect($"/dramm/settings?area={Area}");
    }

    /// <summary>The user's own active areas; the chosen one must be among them (the first by default).</summary>
    private async Task<bool> LoadAreasAsync()
    {
        var mine = User.AreaIds();
        Areas = (await db.Areas.AsNoTracking().Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name })
            .ToListAsync(HttpContext.RequestAborted)).Select(a => (a.Id, a.Name)).ToList();
        Area ??= Areas.FirstOrDefault().Id;
        var chosen = Areas.FirstOrDefault(a => a.Id == Area);
        AreaName = chosen.Name ?? "";
        if (chosen.Name is null)
        {
            return false;
        }

        var attending = await sharing.AttendingAsync(chosen.Id, HttpContext.RequestAborted);
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(HttpContext.RequestAborted))
            .Select(a => (a.Id, a.Name, attending.Contains(a.Id))).ToList();
        return true;
    }
}
