using Safeguard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>The four schemes and their clocks, and the way to the other settings.</summary>
public sealed class IndexModel(SafeguardDbContext db) : SettingsPage
{
    public IReadOnlyList<DisclosureScheme> Schemes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ReadNotice();
        Schemes = await db.DisclosureSchemes.AsNoTracking().Include(s => s.Clocks).ToListAsync(HttpContext.RequestAborted);
        Schemes = Schemes.OrderBy(s => s.Scheme).ThenBy(s => s.Route).ToList();
    }
}
