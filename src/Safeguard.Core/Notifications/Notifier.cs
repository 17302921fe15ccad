using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;

namespace Safeguard.Core.Notifications;

/// <summary>
/// Tells users something happened. Adds the notifications, and their emails when email is on, to the caller's
/// unit of work: they are saved in the same transaction as the change they are about, or not at all. The emails are
/// sent later by <see cref="EmailOutbox"/>, so a mail server that is down never holds up or undoes the work.
/// </summary>
public sealed class Notifier(SafeguardDbContext db, TimeProvider clock, IOptions<EmailOptions> email)
{
    /// <summary>What each kind says: the in-app title and the email subject. Generic on purpose: the reference says which case.</summary>
    public static string TitleOf(NotificationKind kind) => kind switch
    {
        NotificationKind.ApplicationAllocated => "A disclosure application was allocated to you",
        NotificationKind.UrgentApplication => "An urgent disclosure application needs a supervisor",
        NotificationKind.ActionAssigned => "An action was given to you",
        NotificationKind.ActionDueSoon => "An action of yours is due within 3 days",
        NotificationKind.ActionOverdue => "An action of yours is overdue",
        NotificationKind.PackReleased => "A meeting pack was released",
        NotificationKind.MinutesReleased => "Meeting minutes were released",
        NotificationKind.TestEmail => "Test email from Safeguard",
        _ => "Something needs your attention",
    };

    /// <summary>Adds one notification per user (each active user once), with an email to those who have an address.</summary>
    public async Task NotifyAsync(IEnumerable<string> userIds, NotificationKind kind, string link, string? reference, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var user in users)
        {
            var notification = new Notification { UserId = user.Id, Kind = kind, Title = TitleOf(kind), Link = link, Reference = reference, CreatedAt = now };
            db.Notifications.Add(notification);
            if (email.Value.IsOn && !string.IsNullOrWhiteSpace(user.Email))
            {
                db.OutboundEmails.Add(EmailFor(notification, user.Email, now));
            }
        }
    }

    /// <summary>The email: the title, the reference and a link. Nothing about the people or the case.</summary>
    public OutboundEmail EmailFor(Notification n, string to, DateTime now) => new()
    {
        Notification = n,
        To = to,
        Subject = $"Safeguard: {n.Title}",
        Body = $"{n.Title}.\n\n"
            + (n.Reference is null ? "" : $"Reference: {n.Reference}\n\n")
            + $"Sign in to Safeguard to see it: {email.Value.AppUrl.TrimEnd('/')}{n.Link}\n\n"
            + "This email does not contain any case details. Do not reply to it.\n",
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
