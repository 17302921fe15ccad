using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Dramm.Shared;

/// <summary>The DRAMMs shared with the user's agency and open now, each with its cases in the agenda's order.</summary>
[Authorize(Policy = "Capability:ViewDrammCases")]
public sealed class IndexModel(SafeguardDbContext db, DrammSharing sharing, AuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DrammMeeting> Meetings { get; private set; } = [];
    public IReadOnlyDictionary<int, string> AreaNames { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var agency = User.AgencyId();
        Meetings = agency is int id ? await sharing.OpenToAsync(id, User.AreaIds().ToList(), clock.GetUtcNow().UtcDateTime, ct) : [];
        var areas = Meetings.Select(m => m.AreaId).Distinct().ToList();
        AreaNames = await db.Areas.AsNoTracking().Where(a => areas.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        await audit.RecordAsync("dramm.shared-viewed", summary: $"{Meetings.Count} meeting(s)", ct: ct);
    }
}
