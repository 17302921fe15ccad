using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Web.Pages.Admin.Merges;

/// <summary>Merges of records in the administrator's areas, newest first, each one reversible if it was wrong.</summary>
public sealed class IndexModel(SafeguardDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PersonMerge> Merges { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Capabilities.Has(User, Capability.ReverseMerges))
        {
            return Forbid();
        }

        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var rows = await MergeScope.VisibleTo(db.PersonMerges.AsNoTracking(), db, User)
            .OrderByDescending(m => m.MergedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasNext = rows.Count > PageSize;
        Merges = rows.Take(PageSize).ToList();
        return Page();
    }
}
