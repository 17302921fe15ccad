using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>
/// The minutes as a Word document, made from what was recorded. The area's co-ordinators at any time; an attending
/// agency's people once they are released and while the meeting is open to them. Anyone else: not found. Audited.
/// </summary>
[Authorize(Policy = SafeguardServices.DrammPeoplePolicy)]
public sealed class MinutesModel(DrammCaseScope scope, DrammMinutes minutes, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting
            || (meeting.MinutesReleasedAt is null && !Capabilities.Has(User, Capability.PrepareDramm)))
        {
            return NotFound();
        }

        var docx = await minutes.BuildAsync(id, ct);
        await audit.RecordAsync("dramm.minutes-downloaded", "DrammMeeting", id.ToString(CultureInfo.InvariantCulture), ct: ct);
        return File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"dramm-minutes-{meeting.Date:yyyy-MM-dd}.docx");
    }
}
