using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Marac;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// The pack on screen: the same content as the Word document, read by the same code. The area's co-ordinators and
/// chairs at any time (to check it before release); an invited agency's people while it is open to them. Audited.
/// </summary>
public sealed class PackModel(MaracScope scope, MaracPackReader reader, AuditTrail audit) : PageModel
{
    public MaracMeeting Meeting { get; private set; } = null!;
    public MaracPackContent Pack { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        Pack = await reader.ReadAsync(id, ct);
        await audit.RecordAsync("marac.pack-viewed", "MaracMeeting", id.ToString(CultureInfo.InvariantCulture), summary: MaracMeetings.Name(meeting), ct: ct);
        return Page();
    }
}
