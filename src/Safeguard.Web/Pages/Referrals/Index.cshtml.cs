using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Referrals;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>The referrals the user may see, newest first, a page at a time. References only: no names in a list.</summary>
public sealed class IndexModel(SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Reference, DateTime ReceivedAt, ReferralKind Kind, string Area, ReferralRouting Routing);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var visible = ReferralRecordScope.VisibleTo(db.Referrals, User);
        var rows = await visible.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(r => new { r.Id, r.ReceivedAt, r.Kind, r.Routing, Area = db.Areas.Where(a => a.Id == r.AreaId).Select(a => a.Name).First() })
            .ToListAsync(HttpContext.RequestAborted);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).Select(r => new Row(r.Id, Referral.FormatReference(r.Id), r.ReceivedAt, r.Kind, r.Area, r.Routing)).ToList();
        await audit.RecordAsync("referral.list-viewed", "Referral", null, summary: $"page {PageNumber}", ct: HttpContext.RequestAborted);
    }
}
