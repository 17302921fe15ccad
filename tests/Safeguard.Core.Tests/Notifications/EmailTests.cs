using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Notifications;
using Safeguard.Core.Tests.Disclosures;
using Safeguard.Tests;

namespace Safeguard.Core.Tests.Notifications;

/// <summary>
/// Notifications from disclosure work, and their emails through a real SMTP server: what is sent, to whom, with no
/// case details, and what happens when the server is down.
/// </summary>
public sealed class EmailTests : DisclosureFixture
{
    private readonly string _sender = TestSmtp.UniqueSender();

    private void EmailOn(int? port = null)
    {
        Host.Email.Host = "127.0.0.1";
        Host.Email.Port = port ?? TestSmtp.Port;
        Host.Email.Security = EmailSecurity.None;
        Host.Email.UserName = "safeguard-relay";
        Host.Email.Password = "not-a-real-secret";
        Host.Email.From = _sender;
        Host.Email.AppUrl = "https://safeguard.example.org";
    }

    private async Task<EmailOutbox.Round> SendAsync()
    {
        using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendDueAsync();
    }

    [Fact]
    public async Task Allocation_tells_the_new_owner_and_the_email_reaches_the_server_with_a_reference_and_a_link_only()
    {
        EmailOn();
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);

        var allocated = await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher));
        Assert.True(allocated.Succeeded, string.Join("; ", allocated.Errors));

        var notification = Assert.Single(await Db(db => db.Notifications.ToListAsync()));
        Assert.Equal(Researcher, notification.UserId);
        Assert.Equal(NotificationKind.ApplicationAllocated, notification.Kind);
        Assert.Equal($"/disclosures/{app.Id}", notification.Link);
        Assert.Equal(app.Reference, notification.Reference);
        Assert.Equal(new EmailOutbox.Round(1, 0), await SendAsync());

        var (message, to, user) = Assert.Single(await TestSmtp.FromAsync(_sender));
        Assert.Equal("<riley.research@example.org>", to);
        Assert.Equal("safeguard-relay", user);
        Assert.Equal("Safeguard: A disclosure application was allocated to you", message.Subject);
        Assert.Contains($"Reference: {app.Reference}", message.TextBody);
        Assert.Contains($"https://safeguard.example.org/disclosures/{app.Id}", message.TextBody);
        foreach (var name in new[] { "Shane", "Subjectson", "Alex", "Asker", "Pat", "Atrisk", "Worried" })
        {
            Assert.DoesNotContain(name, message.TextBody + message.Subject, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotNull((await Db(db => db.OutboundEmails.SingleAsync())).SentAt);
    }

    [Fact]
    public async Task An_urgent_application_alerts_the_areas_supervisors_and_nobody_else()
    {
        EmailOn();
        var urgent = await CreateAsync(Scheme.Dvds, Route.RightToAsk, urgent: true);

        var told = await Db(db => db.Notifications.Select(n => new { n.UserId, n.Kind, n.Reference }).ToListAsync());
        var only = Assert.Single(told);
        Assert.Equal(Supervisor, only.UserId);
        Assert.Equal(NotificationKind.UrgentApplication, only.Kind);
        Assert.Equal(urgent.Reference, only.Reference);
    }

    [Fact]
    public async Task When_the_server_is_down_the_email_waits_with_the_reason_and_goes_once_it_is_back()
    {
        EmailOn(TestSmtp.ClosedPort());
        var app = await CreateAsync(Scheme.Csods, Route.RightToAsk);
        await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher));

        Assert.Equal(new EmailOutbox.Round(0, 1), await SendAsync());
        var waiting = await Db(db => db.OutboundEmails.SingleAsync());
        Assert.Null(waiting.SentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(waiting.LastError));
        Assert.Equal(Start.UtcDateTime.AddMinutes(1), waiting.NextAttemptAt);
        // Not due again yet, even with the server back.
        EmailOn();
        Assert.Equal(new EmailOutbox.Round(0, 0), await SendAsync());

        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new EmailOutbox.Round(1, 0), await SendAsync());
        Assert.Single(await TestSmtp.FromAsync(_sender));
        var sent = await Db(db => db.OutboundEmails.SingleAsync());
        Assert.Null(sent.LastError);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task After_twelve_failures_an_email_is_given_up_until_an_administrator_retries()
    {
        EmailOn(TestSmtp.ClosedPort());
        var app = await CreateAsync(Scheme.Dvds, Route.RightToKnow);
        await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher));
        for (var i = 0; i < EmailOutbox.MaxAttempts; i++)
        {
            Assert.Equal(new EmailOutbox.Round(0, 1), await SendAsync());
            Host.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.NotNull((await Db(db => db.OutboundEmails.SingleAsync())).GaveUpAt);
        Assert.Equal(new EmailOutbox.Round(0, 0), await SendAsync());

        using (var scope = Host.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<EmailOutbox>().RetryNowAsync());
        }

        EmailOn();
        Assert.Equal(new EmailOutbox.Round(1, 0), await SendAsync());
    }

    [Fact]
    public async Task With_email_off_people_are_still_told_in_the_app_and_nothing_is_queued()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher));

        Assert.Single(await Db(db => db.Notifications.ToListAsync()));
        Assert.Empty(await Db(db => db.OutboundEmails.ToListAsync()));
        Assert.Equal(new EmailOutbox.Round(0, 0), await SendAsync());
    }

    [Fact]
    public async Task Allocating_to_yourself_tells_nobody()
    {
        EmailOn();
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var allocated = await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Supervisor));
        Assert.True(allocated.Succeeded, string.Join("; ", allocated.Errors));
        Assert.Empty(await Db(db => db.Notifications.ToListAsync()));
    }
}
