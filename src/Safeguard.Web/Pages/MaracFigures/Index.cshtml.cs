using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.MaracFigures;

/// <summary>
/// The MARAC dashboard: counts only, no names or references. Co-ordinators and chairs see their areas; auditors, who
/// read every area's referrals (the cases MARAC hears), see every area, as the other dashboards let ReadAll* do.
/// Authorised by ViewMaracFigures (folder convention). Every view is audited.
/// </summary>
public sealed class IndexModel(Core.Marac.MaracFigures figures, AuditTrail audit, TimeProvider clock) : PageModel
{
    public MaracDashboard Figures { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool EveryArea { get; private set; }
    public bool ShowArea { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = London.Today(clock);
        EveryArea = Capabilities.Has(User, Capability.ReadAllReferrals);
        var areas = EveryArea ? null : User.AreaIds().ToArray();
        ShowArea = areas is null || areas.Length > 1;
        Figures = await figures.ComputeAsync(areas, Today, HttpContext.RequestAborted);
        await audit.RecordAsync("marac.figures-viewed", summary: EveryArea ? "every area" : $"{areas!.Length} area(s)", ct: HttpContext.RequestAborted);
        return Page();
    }
}
