using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Actions;

/// <summary>The user's agency's actions in their areas: unfinished first, the overdue marked, then by due date.</summary>
public sealed class IndexModel(SafeguardDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(CaseAction Action, string Owner)> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = London.Today(clock);
        var agency = User.AgencyId();
        var areas = User.AreaIds().ToList();
        var rows = await db.CaseActions.AsNoTracking()
            .Where(a => a.OwnerAgencyId == agency && areas.Contains(a.AreaId))
            .Join(db.Users, a => a.OwnerUserId, u => u.Id, (a, u) => new { Action = a, Owner = u.DisplayName })
            .ToListAsync(ct);
        Items = [.. rows.OrderBy(r => r.Action.IsFinished).ThenBy(r => r.Action.DueOn).ThenBy(r => r.Action.Id).Select(r => (r.Action, r.Owner))];
        await audit.RecordAsync("action.list-viewed", summary: $"{Items.Count} action(s)", ct: ct);
    }
}
