using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>
/// The users an administrator manages. Filters by agency and status travel in the URL; a name or email search
/// is posted, so that no one's name ends up in a URL, a browser history or a proxy log.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Id, string DisplayName, string? Email, string Agency, bool IsDisabled, bool TwoFactorEnabled, DateTime? LastSignInAt);

    [BindProperty(SupportsGet = true)]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Search { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public Task OnPostAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id, a.Name)).ToList();
        var query = UserRecordScope.VisibleTo(db.Users.AsNoTracking(), db, User);
        if (AgencyId is not null)
        {
            query = query.Where(u => u.AgencyId == AgencyId);
        }

        query = Status switch
        {
            "active" => query.Where(u => !u.IsDisabled),
            "disabled" => query.Where(u => u.IsDisabled),
            "not-set-up" => query.Where(u => !u.TwoFactorEnabled),
            _ => query,
        };
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var normalised = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(normalised) || u.DisplayName.ToUpper().Contains(normalised));
        }

        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Agencies, u => u.AgencyId, a => a.Id,
                (u, a) => new Row(u.Id, u.DisplayName, u.Email, a.Name, u.IsDisabled, u.TwoFactorEnabled, u.LastSignInAt))
            .ToListAsync();
    }
}
