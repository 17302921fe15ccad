using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// MARAC's front page. For the area's co-ordinators and chairs: the next meetings of the schedule (set up or to set up)
/// and the queue of referred cases waiting for an agenda. For an invited agency's people: the meetings whose packs
/// are open to their agency now. The folder's policy already needs one of the MARAC capabilities.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, MaracSettings settings, MaracMeetings meetings, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record NextMeeting(DateOnly Date, MaracMeeting? Meeting);

    [BindProperty(SupportsGet = true)]
    public int? Area { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    public bool Prepares { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public string AreaName { get; private set; } = "";
    public IReadOnlyList<NextMeeting> Next { get; private set; } = [];
    public IReadOnlyList<MaracReferral> Waiting { get; private set; } = [];

    /// <summary>For an agency's people: the meetings open to their agency, with their area's name.</summary>
    public IReadOnlyList<(MaracMeeting Meeting, string Area)> Open { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await audit.RecordAsync("marac.meetings-viewed", "Area", Prepares ? Area?.ToString(CultureInfo.InvariantCulture) : null,
            summary: Prepares ? $"{Waiting.Count} waiting" : $"{Open.Count} open", ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSetUpAsync()
    {
        if (!await LoadAsync() || !Prepares)
        {
            return NotFound();
        }

        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError("Date", "Choose a meeting date from the list");
            return Page();
        }

        var result = await meetings.SetUpAsync(Area!.Value, date, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        Notice = $"The MARAC on {London.Format(date)} was set up";
        return Redirect($"/marac/meetings/{result.Value!.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var mine = User.AreaIds();
        Areas = (await db.Areas.AsNoTracking().Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
        Prepares = Capabilities.Has(User, Capability.PrepareMarac);
        if (!Prepares)
        {
            await LoadOpenAsync(ct);
            return true;
        }

        Area ??= Areas.FirstOrDefault().Id;
        var chosen = Areas.FirstOrDefault(a => a.Id == Area);
        if (chosen.Name is null)
        {
            return Areas.Count == 0 && Area == 0;
        }

        AreaName = chosen.Name;
        var calendar = await settings.CalendarAsync(chosen.Id, ct);
        var today = London.Today(clock);
        var set = await db.MaracMeetings.AsNoTracking().Where(m => m.AreaId == chosen.Id && m.ClosedAt == null && m.Date >= today.AddDays(-7))
            .OrderBy(m => m.Date).ToListAsync(ct);
        var dates = calendar.From(today).Take(4).Union(set.Select(m => m.Date)).Order().ToList();
        Next = [.. dates.Select(d => new NextMeeting(d, set.FirstOrDefault(m => m.Date == d)))];
        // In the order the agenda will take them. Ordered here, not in SQL: the category is stored as its name, so
        // the database would sort it alphabetically, not in the protocol's order.
        var waiting = await db.MaracReferrals.AsNoTracking().Where(r => r.AreaId == chosen.Id && r.MeetingId == null).ToListAsync(ct);
        Waiting = [.. MaracAgenda.Order(waiting.Select(r => new AgendaItem(r.Id, r.Category, r.ReferredAt))).Select(i => waiting.First(r => r.Id == i.Id))];
        return true;
    }

    private async Task LoadOpenAsync(CancellationToken ct)
    {
        if (User.AgencyId() is not int agency)
        {
            return;
        }

        var mine = Areas.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-MaracSharing.AccessDays);
        // Open within AccessDays of the meeting or of the latest minutes release (MaracSharing has the rule).
        var candidates = await db.MaracMeetings.AsNoTracking()
            .Where(m => mine.Contains(m.AreaId) && m.PackReleasedAt != null
                && (m.StartsAtUtc > from || db.MaracMinutesVersions.Any(v => v.MeetingId == m.Id && v.ReleasedAt > from))
                && db.MaracAttendance.Any(a => a.MeetingId == m.Id && a.AgencyId == agency))
            .OrderBy(m => m.StartsAtUtc)
            .Select(m => new { Meeting = m, MinutesReleasedAt = db.MaracMinutesVersions.Where(v => v.MeetingId == m.Id).Max(v => v.ReleasedAt) })
            .ToListAsync(ct);
        Open = [.. candidates.Where(c => MaracSharing.IsOpenTo(c.Meeting, now, c.MinutesReleasedAt)).Select(c => (c.Meeting, Areas.First(a => a.Id == c.Meeting.AreaId).Name))];
    }
}
