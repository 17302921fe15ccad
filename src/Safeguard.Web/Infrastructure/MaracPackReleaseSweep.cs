using Safeguard.Core.Marac;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Releases MARAC packs at their deadline: once a minute, every built agenda whose release time has passed goes to its
/// invited agencies. It also runs at start-up, so a pack due while the service was down goes out as soon as it is back.
/// A failed round is logged without case details and tried again next minute.
/// </summary>
public sealed class MaracPackReleaseSweep(IServiceScopeFactory scopes, ILogger<MaracPackReleaseSweep> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var released = await scope.ServiceProvider.GetRequiredService<MaracPackRelease>().ReleaseDueAsync(stoppingToken);
                if (released > 0)
                {
                    log.LogInformation("MARAC packs released at their deadline: {Count}", released);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError("MARAC pack release round failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
