using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Notifications;

/// <summary>
/// The signed-in user's own notifications, newest first, unread marked. Each says what kind of thing happened and
/// the case reference; opening one marks it read and goes to the record, where the record's own access rules apply.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        Items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Shown)
            .ToListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var read = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), HttpContext.RequestAborted);
        Notice = read == 1 ? "1 notification marked as read" : $"{read} notifications marked as read";
        return RedirectToPage();
    }
}
