using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>
/// The pack before the meeting as a Word document: the cover and agenda, then a page per case. The area's
/// co-ordinators at any time; an attending agency's people only while the meeting is open to them (from the release
/// time), as for the shared case pages: one scope, <see cref="DrammCaseScope"/>. Anyone else: not found. Audited.
/// The file is named by the date only, never by a person.
/// </summary>
[Authorize(Policy = SafeguardServices.DrammPeoplePolicy)]
public sealed class PackModel(DrammCaseScope scope, DrammPack pack, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        var docx = await pack.BuildAsync(id, ct);
        await audit.RecordAsync("dramm.pack-downloaded", "DrammMeeting", id.ToString(CultureInfo.InvariantCulture),
            summary: $"{meeting.Date:yyyy-MM-dd}; {meeting.Cases.Count(c => c.OnList)} case(s)", ct: ct);
        return File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"dramm-pack-{meeting.Date:yyyy-MM-dd}.docx");
    }
}
