using Microsoft.Extensions.Options;
using Safeguard.Core.Notifications;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Sends queued email in the background, every <see cref="EmailOptions.PollSeconds"/>. A failed round is logged
/// (without addresses or content) and kept on the emails for the administrator's email page.
/// </summary>
public sealed class EmailDelivery(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<EmailDelivery> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsOn || settings.PollSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.PollSeconds));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var round = await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendDueAsync(stoppingToken);
                if (round.Failed > 0)
                {
                    log.LogWarning("Email round: {Sent} sent, {Failed} failed; see /admin/email", round.Sent, round.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError("Email round failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
