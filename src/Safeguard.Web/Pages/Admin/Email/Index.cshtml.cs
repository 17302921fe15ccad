using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Email;

/// <summary>
/// Whether email works: the settings in use (never the password), what is waiting, and every email that failed with
/// the server's reason. "Retry now" sends everything unsent at the next round; "Send a test email" proves the set-up.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, IOptions<EmailOptions> options, Notifier notifier, EmailOutbox outbox, AuditTrail audit, TimeProvider clock)
    : PageModel
{
    public EmailOptions Settings => options.Value;
    public int Waiting { get; private set; }
    public int GivenUp { get; private set; }
    public int SentToday { get; private set; }
    public IReadOnlyList<OutboundEmail> Unsent { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        Waiting = await db.OutboundEmails.CountAsync(e => e.SentAt == null && e.GaveUpAt == null, ct);
        GivenUp = await db.OutboundEmails.CountAsync(e => e.SentAt == null && e.GaveUpAt != null, ct);
        SentToday = await db.OutboundEmails.CountAsync(e => e.SentAt >= dayAgo, ct);
        Unsent = await db.OutboundEmails.AsNoTracking().Where(e => e.SentAt == null)
            .OrderByDescending(e => e.Attempts).ThenBy(e => e.Id).Take(50).ToListAsync(ct);
        await audit.RecordAsync("email.viewed", summary: $"waiting={Waiting}; given up={GivenUp}", ct: ct);
    }

    public async Task<IActionResult> OnPostRetryAsync()
    {
        var count = await outbox.RetryNowAsync(HttpContext.RequestAborted);
        await audit.RecordAsync("email.retried", summary: $"{count} email(s) queued again", ct: HttpContext.RequestAborted);
        Notice = count == 1 ? "1 email will be sent again at the next round" : $"{count} emails will be sent again at the next round";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (!Settings.IsOn)
        {
            Notice = "Email is off, so no test email was queued";
            return RedirectToPage();
        }

        await using var write = await audit.BeginAsync(HttpContext.RequestAborted);
        await notifier.NotifyAsync([User.UserId()!], NotificationKind.TestEmail, "/notifications", null, HttpContext.RequestAborted);
        write.Record("email.test-queued", summary: "test email to the administrator");
        await write.CommitAsync(HttpContext.RequestAborted);
        Notice = "A test email to your address is queued: it goes at the next round, and any failure shows below";
        return RedirectToPage();
    }
}
