using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures;

/// <summary>
/// The supervisor's board: every open application in the supervisor's areas by stage, owner and clock, urgent
/// alerts first. Inspectors and auditors read it too (every area).
/// </summary>
[Authorize(Policy = "Disclosures.Board")]
public sealed class BoardModel(SafeguardDbContext db, DisclosureWorkList work, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DisclosureStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public ClockState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Board Board { get; private set; } = null!;
    public IReadOnlyList<(string Id, string Name, int Open)> Workload { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Now = clock.GetUtcNow().UtcDateTime;
        var visible = ApplicationRecordScope.VisibleTo(db.DisclosureApplications, User);
        Board = await work.BoardAsync(visible, new BoardFilter(Stage, State, Owner is "none" ? null : Owner, Owner == "none", PageNumber), ct);
        var load = await visible.Where(a => a.ClosedAt == null && a.OwnerUserId != null).GroupBy(a => a.OwnerUserId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = load.Select(l => l.Key).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Workload = load.Select(l => (l.Key, names.GetValueOrDefault(l.Key, "Former user"), l.Count)).OrderByDescending(l => l.Count).ThenBy(l => l.Item2).ToList();
        await audit.RecordAsync("disclosure.board-viewed", summary: $"stage={Stage?.ToString() ?? "all"} state={State?.ToString() ?? "all"} page={PageNumber}", ct: ct);
    }

    public string Link(DisclosureStage? stage = null, ClockState? state = null, string? owner = null, int page = 1)
    {
        var q = new List<string>();
        if (stage is not null) q.Add("stage=" + stage);
        if (state is not null) q.Add("state=" + state);
        if (owner is not null) q.Add("owner=" + Uri.EscapeDataString(owner));
        if (page > 1) q.Add("p=" + page);
        return "/disclosures/board" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }
}
