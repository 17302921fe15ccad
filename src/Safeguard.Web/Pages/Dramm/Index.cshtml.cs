using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>
/// The co-ordinator's view of a day's DRAMM in one of their areas: when it meets, the window its list takes, and
/// the list in the protocol's order with the rule behind each case; below it, what the rules left out. "Prepare the
/// list" gathers what arrived in the window (again, until the meeting starts, keeping earlier decisions).
/// </summary>
[Authorize(Policy = "Capability:PrepareDramm")]
public sealed class IndexModel(SafeguardDbContext db, DrammSettings settings, DrammLists lists, DrammMinutes minutes, AuditTrail audit, TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public string AreaName { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public DrammSitting? Sitting { get; private set; }
    public DrammMeeting? Meeting { get; private set; }

    /// <summary>The agencies the meeting's cases go to (the area's attending agencies until the list is prepared).</summary>
    public IReadOnlyList<string> SharedWith { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public IEnumerable<IGrouping<AgendaGroup, DrammCase>> Agenda =>
        Meeting?.Cases.Where(c => c.OnList).OrderBy(c => c.Position).GroupBy(c => c.Group!.Value) ?? [];

    public IEnumerable<DrammCase> LeftOut => Meeting is null ? [] : Meeting.Cases.Where(c => !c.OnList).OrderBy(c => c.At).ThenBy(c => c.Reference, StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.RecordAsync("dramm.list-viewed", "DrammMeeting", Meeting?.Id.ToString(CultureInfo.InvariantCulture),
            summary: $"{Day:yyyy-MM-dd}", ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostPrepareAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await lists.PrepareAsync(Area!.Value, Day, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        var meeting = result.Value!;
        Notice = $"The list was prepared: {meeting.Cases.Count(c => c.OnList)} case(s) to discuss";
        return Redirect(Link(Area.Value, Day));
    }

    /// <summary>Sends the minutes to the attending agencies, once every case on the list has its outcome.</summary>
    public async Task<IActionResult> OnPostReleaseAsync()
    {
        if (!await LoadAsync() || Meeting is null)
        {
            return NotFound();
        }

        var result = await minutes.ReleaseAsync(Meeting.Id, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        Notice = "The minutes were released to the attending agencies";
        return Redirect(Link(Area!.Value, Day));
    }

    public bool Started => Meeting is not null && clock.GetUtcNow().UtcDateTime >= Meeting.MeetsAtUtc;

    public static string Link(int area, DateOnly day) => $"/dramm?area={area}&date={day:yyyy-MM-dd}";

    private async Task<bool> LoadAsync()
    {
        var mine = User.AreaIds();
        Areas = (await db.Areas.AsNoTracking().Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name })
            .ToListAsync(HttpContext.RequestAborted)).Select(a => (a.Id, a.Name)).ToList();
        Area ??= Areas.FirstOrDefault().Id;
        var chosen = Areas.FirstOrDefault(a => a.Id == Area);
        if (chosen.Name is null)
        {
            return false;
        }

        AreaName = chosen.Name;
        var calendar = await settings.CalendarAsync(chosen.Id, HttpContext.RequestAborted);
        var today = London.Today(clock);
        if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Day = day;
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(Date))
            {
                ModelState.AddModelError(nameof(Date), "The date must be a real date, like 2026-12-01");
            }

            // The next meeting that has not started: today's, until it begins; then the next day's.
            var now = clock.GetUtcNow().UtcDateTime;
            Day = calendar.SittingOn(today) is { } todays && todays.MeetsAtUtc > now ? today : calendar.NextMeeting(today.AddDays(1)) ?? today;
        }

        Sitting = calendar.SittingOn(Day);
        Meeting = await lists.FindAsync(chosen.Id, Day, HttpContext.RequestAborted);
        var meetingId = Meeting?.Id;
        var areaId = chosen.Id;
        SharedWith = await db.Agencies.AsNoTracking()
            .Where(a => meetingId == null
                ? db.DrammAgencies.Any(x => x.AreaId == areaId && x.AgencyId == a.Id)
                : db.DrammMeetingAgencies.Any(x => x.MeetingId == meetingId && x.AgencyId == a.Id))
            .OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(HttpContext.RequestAborted);
        return true;
    }
}
