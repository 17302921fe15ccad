using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Marac;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// The pack as a Word document, built when asked from what is recorded now. Who may download it is who may read it on
/// screen. Every download is audited; the file name carries the meeting's date only, never a name.
/// </summary>
public sealed class PackDocxModel(MaracScope scope, MaracPackReader reader, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        var docx = MaracPackDocx.Build(await reader.ReadAsync(id, ct));
        await audit.RecordAsync("marac.pack-downloaded", "MaracMeeting", id.ToString(CultureInfo.InvariantCulture), summary: MaracMeetings.Name(meeting), ct: ct);
        return File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"marac-pack-{meeting.Date:yyyy-MM-dd}.docx");
    }
}
