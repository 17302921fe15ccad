using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// A MARAC's minutes: the co-ordinators and chairs of the area see every version, make version 1 once the meeting is
/// closed, release, and decide corrections; an invited agency's people (while the meeting is open to them) see the
/// released versions, propose corrections and read the answers to their own. Outside MaracScope: not found. Audited.
/// </summary>
public sealed class MinutesModel(MaracScope scope, MaracMinutes minutes, SafeguardDbContext db, AuditTrail audit) : PageModel
{
    [BindProperty] public string? Text { get; set; }

    public MaracMeeting Meeting { get; private set; } = null!;
    public bool Runs { get; private set; }
    public bool MayPropose { get; private set; }
    public IReadOnlyList<MaracMinutesVersion> Versions { get; private set; } = [];
    public IReadOnlyList<MaracMinutesCorrection> Corrections { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Agencies { get; private set; } = new Dictionary<int, string>();

    public bool Released => Versions.Any(v => v.ReleasedAt is not null);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync("marac.minutes-viewed", "MaracMeeting", Id(id), summary: MaracMinutes.ReferenceOf(Meeting), ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int id) =>
        await RunAsync(id, () => minutes.CreateAsync(id, HttpContext.RequestAborted), "Version 1 of the minutes was made from the record. Check it, then release it.");

    public async Task<IActionResult> OnPostReleaseAsync(int id) =>
        await RunAsync(id, () => minutes.ReleaseAsync(id, HttpContext.RequestAborted), "The minutes were released to the invited agencies and the co-ordinators");

    public async Task<IActionResult> OnPostProposeAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await minutes.ProposeCorrectionAsync(id, User.AgencyId(), Text, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = "Your correction was sent to the co-ordinator";
        return Redirect(MaracMinutes.PathOf(id));
    }

    private async Task<IActionResult> RunAsync<T>(int id, Func<Task<Core.Common.Result<T>>> change, string notice)
    {
        if (!await LoadAsync(id) || !Runs)
        {
            return NotFound();
        }

        var result = await change();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            await LoadAsync(id);
            return Page();
        }

        TempData["Notice"] = notice;
        return Redirect(MaracMinutes.PathOf(id));
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Runs = MaracScope.Runs(User, meeting);
        var agency = User.AgencyId();
        MayPropose = agency is int a && await db.MaracAttendance.AnyAsync(x => x.MeetingId == id && x.AgencyId == a, ct);
        // The documents stay in the database: the list needs only their numbers and dates.
        Versions = (await db.MaracMinutesVersions.AsNoTracking().Where(v => v.MeetingId == id && (Runs || v.ReleasedAt != null))
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.ChangeNote, v.CreatedAt, v.ReleasedAt }).ToListAsync(ct))
            .Select(v => new MaracMinutesVersion { Id = v.Id, MeetingId = id, Number = v.Number, ChangeNote = v.ChangeNote, CreatedAt = v.CreatedAt, ReleasedAt = v.ReleasedAt, Document = [] })
            .ToList();
        Corrections = await db.MaracMinutesCorrections.AsNoTracking().Where(c => c.MeetingId == id && (Runs || c.AgencyId == agency))
            .OrderByDescending(c => c.ProposedAt).ToListAsync(ct);
        Agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
