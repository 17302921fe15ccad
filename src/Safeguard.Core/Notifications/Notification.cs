namespace Safeguard.Core.Notifications;

/// <summary>
/// Something a user should know about: shown on their notifications page and, if email is set up, sent to them.
/// The title is generic and the reference is a case reference: no names or case details, so neither the page
/// list nor an email says anything about anyone.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>A path inside the app, such as /disclosures/12: the user still needs to sign in and be allowed to see it.</summary>
    public required string Link { get; set; }

    public string? Reference { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum NotificationKind
{
    ApplicationAllocated,
    UrgentApplication,
    ActionAssigned,
    ActionDueSoon,
    ActionOverdue,
    PackReleased,
    MinutesReleased,
    TestEmail,
}

/// <summary>An email waiting to go, sent, or given up on. Kept so an administrator can see what failed and why.</summary>
public sealed class OutboundEmail
{
    public long Id { get; set; }
    public long? NotificationId { get; set; }
    public Notification? Notification { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set after <see cref="EmailOutbox.MaxAttempts"/> failures; "Retry now" clears it.</summary>
    public DateTime? GaveUpAt { get; set; }

    /// <summary>The last failure, as the mail library put it (server, port, refusal): never the message.</summary>
    public string? LastError { get; set; }
}

/// <summary>How Safeguard sends email (configuration section <c>Email</c>). No host: email is off and nothing is queued.</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>StartTls (the default: upgrade or refuse), SslOnConnect (port 465), or None (a relay on loopback only).</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "safeguard@localhost";

    /// <summary>The address people use to reach Safeguard, for the link in each email.</summary>
    public string AppUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the sender looks for email to send; 0 turns the background sender off (tests send by hand).</summary>
    public int PollSeconds { get; set; } = 30;

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);
}

public enum EmailSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
