using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// One version of the minutes as the Word document kept when it was made (never rebuilt, so what was released is
/// what is read). Co-ordinators any version; invited agencies released versions only. The file name has the
/// meeting's date and the version, nothing about anyone. Audited.
/// </summary>
public sealed class MinutesDownloadModel(MaracScope scope, SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int number)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        var runs = MaracScope.Runs(User, meeting);
        var version = await db.MaracMinutesVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.MeetingId == id && v.Number == number && (runs || v.ReleasedAt != null), ct);
        if (version is null)
        {
            return NotFound();
        }

        await audit.RecordAsync("marac.minutes-downloaded", "MaracMeeting", id.ToString(CultureInfo.InvariantCulture),
            summary: $"{MaracMinutes.ReferenceOf(meeting)}; version {number.ToString(CultureInfo.InvariantCulture)}", ct: ct);
        return File(version.Document, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MaracMinutes.FileNameOf(meeting, number));
    }
}
