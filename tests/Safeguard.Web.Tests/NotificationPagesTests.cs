using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Notifications;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests;

/// <summary>Each user's notifications page and the administrators' email page, over HTTP.</summary>
[Collection(AppCollection.Name)]
public sealed class NotificationPagesTests(SafeguardApp app)
{
    private Task<long> NotifyAsync(string userId, string link, string reference, DateTime? readAt = null) =>
        app.WithDbAsync(async db =>
        {
            var n = new Notification
            {
                UserId = userId, Kind = NotificationKind.ApplicationAllocated, Title = Notifier.TitleOf(NotificationKind.ApplicationAllocated),
                Link = link, Reference = reference, CreatedAt = app.Clock.GetUtcNow().UtcDateTime, ReadAt = readAt,
            };
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    [Fact]
    public async Task A_user_sees_their_own_notifications_opens_one_to_its_record_and_marks_the_rest_read()
    {
        var user = await app.CreateUserAsync([Roles.CruResearcher], [app.NorthAreaId]);
        var other = await app.CreateUserAsync([Roles.CruResearcher], [app.NorthAreaId]);
        var first = await NotifyAsync(user.Id, "/disclosures/41", "DV000041");
        await NotifyAsync(user.Id, "/disclosures/42", "DV000042");
        var theirs = await NotifyAsync(other.Id, "/disclosures/43", "DV000043");
        var client = await app.SignInAsync(user);

        var page = await client.GetPageAsync("/notifications");
        var rows = page.QuerySelectorAll("#notifications tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal(2, page.QuerySelectorAll("#notifications .govuk-tag").Length);
        Assert.DoesNotContain("DV000043", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Notifications (2 new)", page.QuerySelector("#navigation")!.TextContent);

        var open = await client.GetAsync($"/notifications/{first}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/disclosures/41", open.Headers.Location!.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == first).Select(n => n.ReadAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/notifications/{theirs}")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync()));

        var readAll = await client.PostFormAsync("/notifications", new Dictionary<string, string>(), "/notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        page = await client.GetPageAsync("/notifications");
        Assert.Empty(page.QuerySelectorAll("#notifications .govuk-tag"));
        Assert.Contains("1 notification marked as read", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("new)", page.QuerySelector("#navigation")!.TextContent);
    }

    [Fact]
    public async Task An_administrator_sees_failed_email_with_its_reason_and_can_queue_it_again()
    {
        var admin = await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId]);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var failedTo = $"failed.{Guid.NewGuid():N}@example.org";
        await app.WithDbAsync(async db =>
        {
            db.OutboundEmails.Add(new OutboundEmail
            {
                To = failedTo, Subject = "Safeguard: An action was given to you", Body = "x", CreatedAt = now, Attempts = EmailOutbox.MaxAttempts,
                NextAttemptAt = now, GaveUpAt = now, LastError = "SocketException: Connection refused",
            });
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync(admin);

        var page = await client.GetPageAsync("/admin/email");
        Assert.Contains("Off: no server is set", page.QuerySelector("#settings")!.TextContent);
        var row = page.QuerySelectorAll("#unsent tbody tr").Single(r => r.TextContent.Contains(failedTo));
        Assert.Contains("SocketException: Connection refused", row.TextContent);
        Assert.Contains("Given up", row.TextContent);
        Assert.True(await app.AuditedAsync("email.viewed", actor: admin.Id));

        var retried = await client.PostFormAsync("/admin/email", new Dictionary<string, string>(), "/admin/email?handler=Retry");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.OutboundEmails.Where(e => e.To == failedTo).Select(e => e.GaveUpAt).SingleAsync()));
        Assert.True(await app.AuditedAsync("email.retried", actor: admin.Id));
    }

    [Fact]
    public async Task Only_administrators_open_the_email_page()
    {
        var researcher = await app.CreateUserAsync([Roles.CruResearcher], [app.NorthAreaId]);
        var client = await app.SignInAsync(researcher);
        var response = await client.GetAsync("/admin/email");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.RedirectPath());
        Assert.Null((await client.GetPageAsync("/")).QuerySelector("#navigation a[href='/admin/email']"));
    }
}
