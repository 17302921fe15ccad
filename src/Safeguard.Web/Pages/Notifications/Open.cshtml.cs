using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Notifications;

/// <summary>Opens one of the user's own notifications: marks it read and goes to its record. Anyone else's: 404.</summary>
public sealed class OpenModel(SafeguardDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        var userId = User.UserId();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, HttpContext.RequestAborted);
        if (notification is null)
        {
            return NotFound();
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        // Links are written by the app, but a link that is not a path here goes nowhere but the list.
        return LocalRedirect(Url.IsLocalUrl(notification.Link) ? notification.Link : "/notifications");
    }
}
