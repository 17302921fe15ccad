using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>The confidentiality statement each attendee agrees to, once per meeting, before the cases are discussed.</summary>
public sealed class ConfidentialityModel(SafeguardDbContext db, MaracScope scope, MaracLive live, AuditTrail audit) : PageModel
{
    public MaracMeeting Meeting { get; private set; } = null!;
    public DateTime? AgreedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync("marac.confidentiality-viewed", "MaracMeeting", id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id) || User.AgencyId() is not int agency)
        {
            return NotFound();
        }

        var result = await live.AcknowledgeConfidentialityAsync(id, User.UserId()!, agency, MaracScope.Runs(User, Meeting), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = "You have agreed to the confidentiality statement for this meeting";
        return Redirect($"/marac/meetings/{id}/confidentiality");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await scope.MeetingAsync(User, id, HttpContext.RequestAborted) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        var userId = User.UserId();
        AgreedAt = await db.MaracAttendees.AsNoTracking().Where(a => a.MeetingId == id && a.UserId == userId)
            .Select(a => (DateTime?)a.AcknowledgedAt).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return true;
    }
}
