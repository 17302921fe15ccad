using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>The co-ordinator's decision on one proposed correction: accept (a new version is made and released) or refuse with a reason. Viewing is audited.</summary>
public sealed class MinutesCorrectionModel(MaracScope scope, MaracMinutes minutes, SafeguardDbContext db, AuditTrail audit) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty(Name = "Response")] public string? ResponseText { get; set; }
    [BindProperty] public int Version { get; set; }

    public MaracMeeting Meeting { get; private set; } = null!;
    public MaracMinutesCorrection Correction { get; private set; } = null!;
    public string Agency { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int correctionId)
    {
        if (!await LoadAsync(id, correctionId))
        {
            return NotFound();
        }

        Version = Correction.Version;

        // The correction's text is about the meeting's cases: who read it is recorded, as for the minutes (never the text).
        await audit.RecordAsync("marac.correction-viewed", "MaracMinutesCorrection", correctionId.ToString(CultureInfo.InvariantCulture),
            summary: MaracMinutes.ReferenceOf(Meeting), ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int correctionId)
    {
        if (!await LoadAsync(id, correctionId))
        {
            return NotFound();
        }

        bool? accept = Decision switch { "Accept" => true, "Refuse" => false, _ => null };
        var result = await minutes.DecideCorrectionAsync(correctionId, accept, ResponseText, Version, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = accept == true
            ? $"The correction was accepted into version {result.Value!.AcceptedIntoVersion}, which was released"
            : "The correction was refused; the agency can read your reason";
        return Redirect(MaracMinutes.PathOf(id));
    }

    private async Task<bool> LoadAsync(int id, int correctionId)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting || !MaracScope.Runs(User, meeting))
        {
            return false;
        }

        var correction = await db.MaracMinutesCorrections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == correctionId && c.MeetingId == id, ct);
        if (correction is null)
        {
            return false;
        }

        (Meeting, Correction) = (meeting, correction);
        Agency = await db.Agencies.Where(a => a.Id == correction.AgencyId).Select(a => a.Name).FirstAsync(ct);
        return true;
    }
}
