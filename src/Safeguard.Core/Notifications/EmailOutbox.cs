using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Notifications;

/// <summary>
/// Sends the queued emails through the SMTP server in the settings, one connection per round. A failure is kept on
/// each email it stopped (the error, the attempts) and tried again later, waiting longer each time: 1, 2, 4 ... up
/// to 60 minutes; after <see cref="MaxAttempts"/> failures it is given up on until an administrator retries.
/// </summary>
public sealed class EmailOutbox(SafeguardDbContext db, TimeProvider clock, IOptions<EmailOptions> options)
{
    public const int MaxAttempts = 12;
    public const int PerRound = 50;

    /// <summary>How long a claimed email is left to the sender that claimed it before another may try it.</summary>
    public const int LeaseMinutes = 5;

    public sealed record Round(int Sent, int Failed);

    public async Task<Round> SendDueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.IsOn)
        {
            return new Round(0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboundEmails.AsNoTracking()
            .Where(e => e.SentAt == null && e.GaveUpAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.NextAttemptAt })
            .Take(PerRound)
            .ToListAsync(ct);
        // Claim each email before sending it: a lease moves its next attempt on, and only the sender whose update
        // finds the row as it read it sends it. A second app server polling at the same moment skips it.
        var lease = now.AddMinutes(LeaseMinutes);
        var claimed = new List<long>();
        foreach (var c in candidates)
        {
            if (await db.OutboundEmails.Where(e => e.Id == c.Id && e.SentAt == null && e.NextAttemptAt == c.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, lease), ct) == 1)
            {
                claimed.Add(c.Id);
            }
        }

        if (claimed.Count == 0)
        {
            return new Round(0, 0);
        }

        var due = await db.OutboundEmails.Where(e => claimed.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        int sent = 0, failed = 0;
        using var smtp = new SmtpClient { Timeout = 15_000 };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, Socket(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server cannot be reached: every email of this round waits for the next.
            foreach (var email in due)
            {
                Failed(email, e, now);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return new Round(0, due.Count);
        }

        foreach (var email in due)
        {
            try
            {
                if (!smtp.IsConnected)
                {
                    throw new InvalidOperationException("The connection to the mail server closed during the round");
                }

                await smtp.SendAsync(Message(email, settings), ct);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
                email.Attempts++;
                email.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(email, e, now);
                failed++;
            }

            // Each result is kept as it happens, so a crash later in the round never sends an email twice.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        try
        {
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Every email's outcome is already saved; a failed goodbye changes none of them.
        }

        return new Round(sent, failed);
    }

    /// <summary>Everything not yet sent, given up on or not, goes again at the next round.</summary>
    public async Task<int> RetryNowAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboundEmails.Where(e => e.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.GaveUpAt, (DateTime?)null).SetProperty(e => e.NextAttemptAt, now), ct);
    }

    private static void Failed(OutboundEmail email, Exception e, DateTime now)
    {
        email.Attempts++;
        var error = $"{e.GetType().Name}: {e.Message}";
        email.LastError = error.Length > 500 ? error[..500] : error;
        email.NextAttemptAt = now.AddMinutes(Math.Min(60, Math.Pow(2, email.Attempts - 1)));
        if (email.Attempts >= MaxAttempts)
        {
            email.GaveUpAt = now;
        }
    }

    private static MimeMessage Message(OutboundEmail email, EmailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };
        return message;
    }

    private static SecureSocketOptions Socket(EmailSecurity security) => security switch
    {
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
