using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Diagnostics;

namespace SuperKube.Controllers;

/// <summary>
/// Runs every registered controller, each under its own lease ("superkube-controller-NAME"): acquire, run until the
/// host stops or the lease is lost, and start over. A controller that crashes is restarted after a pause.
/// </summary>
internal sealed partial class ControllerManager(
    IEnumerable<ControllerRegistration> registrations,
    ILeaseManager leases,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ControllerManager> logger) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(registrations.Select(r => RunAsync(r, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunAsync(ControllerRegistration registration, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var lease = await leases.AcquireAsync("superkube-controller-" + registration.Name, stopping).ConfigureAwait(false);
                await using (lease.ConfigureAwait(false))
                {
                    using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
                    var controller = registration.Create(services);
                    await using (controller.ConfigureAwait(false))
                    {
                        await controller.RunAsync(running.Token).ConfigureAwait(false);
                    }

                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    if (lease.Lost.IsCancellationRequested)
                    {
                        Log.LeaseLost(logger, registration.Name);
                        continue;
                    }
                }

                throw new InvalidOperationException($"controller {registration.Name} stopped on its own");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.Crashed(logger, registration.Name, ex);
                try
                {
                    await Task.Delay(RestartDelay, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 20, Level = LogLevel.Warning,
            Message = "Controller {Controller} lost its lease; stopping it until the lease is held again")]
        public static partial void LeaseLost(ILogger logger, string controller);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 21, Level = LogLevel.Error,
            Message = "Controller {Controller} crashed; restarting it")]
        public static partial void Crashed(ILogger logger, string controller, Exception exception);
    }
}
