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
/// An invited agency that cannot attend sends its apologies and written information beforehand. Only its own
/// agency's attendance row: the agency is the signed-in person's, never one named in the form.
/// </summary>
public sealed class WrittenModel(SafeguardDbContext db, MaracScope scope, MaracLive live, AuditTrail audit) : PageModel
{
    [BindProperty] public string? WrittenInformation { get; set; }
    [BindProperty] public int Version { get; set; }

    public MaracMeeting Meeting { get; private set; } = null!;
    public MaracAttendance Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        (WrittenInformation, Version) = (Row.WrittenInformation, Row.Version);
        await audit.RecordAsync("marac.written-viewed", "MaracMeeting", id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(WrittenInformation))
        {
            ModelState.AddModelError(nameof(WrittenInformation), "Enter your agency's written information for the meeting");
            return Page();
        }

        var result = await live.RecordAttendanceAsync(id, Row.AgencyId, new AttendanceInput(AttendanceStatus.Apologies, null, WrittenInformation, Version), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.Select(e => e.Field == "Status" ? e with { Field = nameof(WrittenInformation) } : e));
            return Page();
        }

        TempData["Notice"] = "Your agency's apologies and written information were sent";
        return Redirect($"/marac/meetings/{id}/written");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting || User.AgencyId() is not int agency
            || await db.MaracAttendance.AsNoTracking().FirstOrDefaultAsync(a => a.MeetingId == id && a.AgencyId == agency, ct) is not { } row)
        {
            return false;
        }

        (Meeting, Row) = (meeting, row);
        return true;
    }
}
