using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures;

/// <summary>"My work": the applications this user owns or delivers, most urgent first.</summary>
public sealed class IndexModel(SafeguardDbContext db, DisclosureWorkList work, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WorkItem> Mine { get; private set; } = [];
    public IReadOnlyList<WorkItem> Unallocated { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var visible = ApplicationRecordScope.VisibleTo(db.DisclosureApplications, User);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        Mine = await work.MyWorkAsync(visible, userId, HttpContext.RequestAborted);
        if (Capabilities.Has(User, Capability.RecordFirstContact) || Capabilities.Has(User, Capability.AllocateDisclosures))
        {
            Unallocated = await work.UnallocatedAsync(visible, HttpContext.RequestAborted);
        }
    }
}
