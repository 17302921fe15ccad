using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Tests;

namespace Safeguard.Core.Tests.Actions;

/// <summary>
/// Reminders: the owner of an unfinished action is told once when it falls due within 3 days and once when it is
/// overdue; the email reaches a real SMTP server with the action's reference and link, nothing about the case.
/// </summary>
public sealed class ActionReminderTests : IAsyncLifetime
{
    // 12:00 on Tuesday 1 December 2026 in London (GMT).
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly string _sender = TestSmtp.UniqueSender();
    private CoreHost _host = null!;
    private (int Agency, int AreaA, int AreaB) _org;
    private string _owner = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        _host.Clock.Set(Now);
        _org = await _host.SeedOrganisationAsync();
        using var scope = _host.Scope();
        _owner = (await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails("Olive Owner", "olive.owner@example.org", _org.Agency, [_org.AreaA], [Roles.AgencyRepresentative]), null)).Value!.User.Id;
        _host.Email.Host = "127.0.0.1";
        _host.Email.Port = TestSmtp.Port;
        _host.Email.Security = EmailSecurity.None;
        _host.Email.From = _sender;
        _host.Email.AppUrl = "https://safeguard.example.org";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<T> Db<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        using var scope = _host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    private Task<int> ActionAsync(string reference, DateOnly due, ActionStatus status = ActionStatus.Open) => Db(async db =>
    {
        var action = new CaseAction
        {
            Source = ActionSource.MaracCase, SourceId = 1, Reference = reference, AreaId = _org.AreaA, OwnerAgencyId = _org.Agency, OwnerUserId = _owner,
            Description = "Visit Vicky Victimson about the injunction", DueOn = due, Status = status, CreatedAt = Now.AddDays(-20), Version = 3,
        };
        db.CaseActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    });

    private async Task<ActionReminders.Sweep> SweepAsync(DateTime at)
    {
        using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ActionReminders>().SweepAsync(at);
    }

    [Fact]
    public async Task Each_owner_is_told_once_when_due_within_3_days_and_once_when_overdue_and_finished_actions_never()
    {
        var soon = await ActionAsync("MR000011", Today.AddDays(3));
        var later = await ActionAsync("MR000012", Today.AddDays(4));
        var overdue = await ActionAsync("MR000013", Today.AddDays(-1));
        await ActionAsync("MR000014", Today.AddDays(-5), ActionStatus.Done);
        await ActionAsync("MR000015", Today, ActionStatus.NotDone);

        Assert.Equal(new ActionReminders.Sweep(1, 1), await SweepAsync(Now));
        Assert.Equal(new ActionReminders.Sweep(0, 0), await SweepAsync(Now.AddMinutes(5)));
        var told = await Db(db => db.Notifications.OrderBy(n => n.Id).Select(n => new { n.Kind, n.Link, n.Reference, n.UserId }).ToListAsync());
        Assert.Equal([(NotificationKind.ActionDueSoon, $"/actions/{soon}", "MR000011"), (NotificationKind.ActionOverdue, $"/actions/{overdue}", "MR000013")],
            told.Select(n => (n.Kind, n.Link, n.Reference!)));
        Assert.All(told, n => Assert.Equal(_owner, n.UserId));

        // A day later the next one falls due soon; two days after its due date it is overdue, each said once.
        Assert.Equal(new ActionReminders.Sweep(1, 0), await SweepAsync(Now.AddDays(1)));
        Assert.Equal(new ActionReminders.Sweep(0, 1), await SweepAsync(Now.AddDays(4)));
        Assert.Equal(new ActionReminders.Sweep(0, 1), await SweepAsync(Now.AddDays(5)));
        Assert.Equal(new ActionReminders.Sweep(0, 0), await SweepAsync(Now.AddDays(6)));
        var laterTold = await Db(db => db.Notifications.Where(n => n.Link == $"/actions/{later}").Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.ActionDueSoon, NotificationKind.ActionOverdue], laterTold);

        // The reminder changes nothing the owner's own form relies on.
        Assert.Equal(3, await Db(db => db.CaseActions.Where(a => a.Id == soon).Select(a => a.Version).SingleAsync()));
        Assert.True(await Db(db => db.AuditEvents.AnyAsync(e => e.Action == "action.reminder-sent" && e.RecordId == overdue.ToString() && e.Summary == "overdue")));
    }

    [Fact]
    public async Task Two_sweeps_at_once_tell_the_owner_once_and_the_email_arrives_once_with_the_reference_and_link_only()
    {
        var id = await ActionAsync("MR000021", Today.AddDays(-2));
        var sweeps = await Task.WhenAll(SweepAsync(Now), SweepAsync(Now), SweepAsync(Now));
        Assert.Equal(1, sweeps.Sum(s => s.Overdue));
        Assert.Equal(1, await Db(db => db.Notifications.CountAsync()));
        Assert.Equal(1, await Db(db => db.OutboundEmails.CountAsync()));

        using (var scope = _host.Scope())
        {
            Assert.Equal(new EmailOutbox.Round(1, 0), await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendDueAsync());
            Assert.Equal(new EmailOutbox.Round(0, 0), await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendDueAsync());
        }

        var (message, to, _) = Assert.Single(await TestSmtp.FromAsync(_sender));
        Assert.Equal("<olive.owner@example.org>", to);
        Assert.Equal("Safeguard: An action of yours is overdue", message.Subject);
        Assert.Contains("Reference: MR000021", message.TextBody);
        Assert.Contains($"https://safeguard.example.org/actions/{id}", message.TextBody);
        foreach (var detail in new[] { "Visit", "Vicky", "Victimson", "injunction", "Olive" })
        {
            Assert.DoesNotContain(detail, message.TextBody + message.Subject, StringComparison.OrdinalIgnoreCase);
        }

        // Another sweep later finds nothing more to say, so no second email.
        Assert.Equal(new ActionReminders.Sweep(0, 0), await SweepAsync(Now.AddHours(1)));
        Assert.Single(await TestSmtp.FromAsync(_sender));
    }

    [Fact]
    public async Task An_action_completed_after_it_was_found_but_before_it_was_claimed_is_not_reminded()
    {
        var soon = await ActionAsync("MR000031", Today.AddDays(1));
        var overdue = await ActionAsync("MR000032", Today.AddDays(-1));
        using var scope = _host.Scope();
        var reminders = scope.ServiceProvider.GetRequiredService<ActionReminders>();
        var (dueSoon, late) = await reminders.FindAsync(Now);
        Assert.Equal([soon], dueSoon.Select(d => d.Id));
        Assert.Equal([overdue], late.Select(d => d.Id));

        // The owners finish both between the sweep finding them and claiming them.
        await Db(db => db.CaseActions.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActionStatus.Done)));

        Assert.Equal(new ActionReminders.Sweep(0, 0), await reminders.TellAsync(dueSoon, late, Now));
        Assert.Equal(0, await Db(db => db.Notifications.CountAsync()));
        Assert.Equal(0, await Db(db => db.CaseActions.CountAsync(a => a.DueSoonNotifiedAt != null || a.OverdueNotifiedAt != null)));
    }

    [Fact]
    public async Task More_actions_than_one_batch_are_each_told_once()
    {
        var count = ActionReminders.BatchSize + 3;
        for (var i = 0; i < count; i++)
        {
            await ActionAsync($"MR1{i:00000}", Today.AddDays(-1));
        }

        Assert.Equal(new ActionReminders.Sweep(0, count), await SweepAsync(Now));
        Assert.Equal(count, await Db(db => db.Notifications.Select(n => n.Link).Distinct().CountAsync()));
        Assert.Equal(count, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "action.reminder-sent")));
        Assert.Equal(new ActionReminders.Sweep(0, 0), await SweepAsync(Now.AddMinutes(1)));
    }

    [Fact]
    public async Task The_migrations_backfill_marks_actions_already_overdue_or_due_soon_as_told_so_the_first_sweep_is_quiet()
    {
        // The back-fill runs on the database's own clock, so these dates are from the real today, well clear of midnight.
        var realNow = DateTime.UtcNow;
        var realToday = DateOnly.FromDateTime(realNow);
        var old = await ActionAsync("MR000041", realToday.AddDays(-200));
        var soon = await ActionAsync("MR000042", realToday.AddDays(1));
        var later = await ActionAsync("MR000043", realToday.AddDays(30));
        var done = await ActionAsync("MR000044", realToday.AddDays(-10), ActionStatus.Done);

        await Db(async db =>
        {
            foreach (var sql in Safeguard.Core.Data.Migrations.ActionReminders.BackfillSql(db.Database.ProviderName))
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });

        var told = await Db(db => db.CaseActions.ToDictionaryAsync(a => a.Id, a => (Soon: a.DueSoonNotifiedAt != null, Overdue: a.OverdueNotifiedAt != null)));
        Assert.Equal((true, true), told[old]);
        Assert.Equal((true, false), told[soon]);
        Assert.Equal((false, false), told[later]);
        Assert.Equal((false, false), told[done]);
        var stamped = await Db(db => db.CaseActions.Where(a => a.Id == old).Select(a => a.OverdueNotifiedAt!.Value).SingleAsync());
        Assert.InRange(stamped, realNow.AddMinutes(-5), realNow.AddMinutes(5));

        // The first sweep says nothing; later the soon one is told it is overdue, and the later one due soon then overdue.
        Assert.Equal(new ActionReminders.Sweep(0, 0), await SweepAsync(realNow));
        Assert.Equal(new ActionReminders.Sweep(1, 1), await SweepAsync(realNow.AddDays(28)));
        Assert.Equal(new ActionReminders.Sweep(0, 1), await SweepAsync(realNow.AddDays(32)));
    }
}
