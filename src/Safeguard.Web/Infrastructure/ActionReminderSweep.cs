using Safeguard.Core.Actions;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Looks for actions falling due or overdue every <c>Actions:ReminderSweepMinutes</c> minutes (5 unless set; 0 turns
/// the sweep off, as the web tests do to sweep by hand). Safe with several app instances: each reminder is claimed once.
/// A failed sweep is logged without any case detail and tried again next time.
/// </summary>
public sealed class ActionReminderSweep(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ActionReminderSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Actions:ReminderSweepMinutes", 5);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sweep = await scope.ServiceProvider.GetRequiredService<ActionReminders>().SweepAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (sweep.DueSoon + sweep.Overdue > 0)
                {
                    log.LogInformation("Action reminders: {DueSoon} due soon, {Overdue} overdue", sweep.DueSoon, sweep.Overdue);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError("Action reminder sweep failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
