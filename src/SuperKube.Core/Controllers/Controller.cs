using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Controllers.Informers;
using SuperKube.Controllers.WorkQueues;
using SuperKube.Diagnostics;
using SuperKube.Model;

namespace SuperKube.Controllers;

/// <summary>
/// Runs one reconciler: informer handlers feed a work queue of requests, workers reconcile them, failures retry with
/// backoff and <see cref="ReconcileResult.RequeueAfter"/> schedules a later look. On stop, no new work starts and
/// in-flight reconciles get <see cref="ControllerOptions.ShutdownTimeout"/> to finish.
/// </summary>
internal sealed partial class Controller<TResource> : IManagedController
    where TResource : class, IKubernetesObject
{
    private readonly IReconciler<TResource> _reconciler;
    private readonly bool _ownsReconciler;
    private readonly IReadOnlyList<WatchSource> _sources;
    private readonly IServiceProvider _services;
    private readonly ISharedInformerFactory _informers;
    private readonly ControllerOptions _options;
    private readonly ControllerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public Controller(
        string name,
        IReconciler<TResource> reconciler,
        bool ownsReconciler,
        IReadOnlyList<WatchSource> sources,
        IServiceProvider services,
        ControllerOptions options)
    {
        Name = name;
        _reconciler = reconciler;
        _ownsReconciler = ownsReconciler;
        _sources = sources;
        _services = services;
        _options = options;
        _informers = services.GetRequiredService<ISharedInformerFactory>();
        _metrics = services.GetRequiredService<ControllerMetrics>();
        _time = services.GetRequiredService<TimeProvider>();
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SuperKube.Controllers." + name);
    }

    public string Name { get; }

    public async Task RunAsync(CancellationToken stopping)
    {
        WorkQueue<ReconcileRequest>? queue = null;
        using var queueMetrics = _metrics.ForQueue(Name, () => queue?.Count ?? 0);
        queue = new WorkQueue<ReconcileRequest>(_time, _options.RetryBaseDelay, _options.RetryMaxDelay, queueMetrics);
        var subscriptions = new List<IDisposable>();
        try
        {
            var informers = Subscribe(queue, subscriptions);
            try
            {
                await Task.WhenAll(informers.Select(i => i.WaitForSyncAsync(stopping))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            Log.Started(_logger, Name, _options.Concurrency);
            using var abort = new CancellationTokenSource();
            using (stopping.Register(() =>
                   {
                       queue.ShutDown();
                       abort.CancelAfter(_options.ShutdownTimeout);
                   }))
            {
                var workers = new Task[_options.Concurrency];
                for (var i = 0; i < workers.Length; i++)
                {
                    workers[i] = Task.Run(() => WorkAsync(queue, stopping, abort.Token), CancellationToken.None);
                }

                await Task.WhenAll(workers).ConfigureAwait(false);
            }

            Log.Stopped(_logger, Name);
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            queue.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ownsReconciler)
        {
            return;
        }

        switch (_reconciler)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private List<IInformer> Subscribe(WorkQueue<ReconcileRequest> queue, List<IDisposable> subscriptions)
    {
        var self = _informers.GetInformer<TResource>();
        subscriptions.Add(self.AddHandler(
            obj => queue.Add(RequestFor(obj)),
            (old, current) =>
            {
                if (old.Metadata?.ResourceVersion != current.Metadata?.ResourceVersion)
                {
                    queue.Add(RequestFor(current));
                }
            },
            obj => queue.Add(RequestFor(obj))));
        var informers = new List<IInformer> { self };
        foreach (var source in _sources)
        {
            var (informer, subscription) = source.Attach(_informers, _services, queue.Add);
            informers.Add(informer);
            subscriptions.Add(subscription);
        }

        return informers;
    }

    private async Task WorkAsync(WorkQueue<ReconcileRequest> queue, CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            var (request, shutdown) = await queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (shutdown)
            {
                return;
            }

            try
            {
                if (!stopping.IsCancellationRequested)
                {
                    await ReconcileAsync(queue, request, abort).ConfigureAwait(false);
                }
            }
            finally
            {
                queue.Done(request);
            }
        }
    }

    private async Task ReconcileAsync(WorkQueue<ReconcileRequest> queue, ReconcileRequest request, CancellationToken abort)
    {
        using var activity = SuperKubeDiagnostics.ActivitySource.StartActivity("reconcile " + Name);
        activity?.SetTag("superkube.controller", Name);
        activity?.SetTag("k8s.namespace.name", request.Namespace);
        activity?.SetTag("superkube.object.name", request.Name);
        var started = _time.GetTimestamp();
        try
        {
            var result = await _reconciler.ReconcileAsync(request, abort).ConfigureAwait(false);
            if (result.RequeueAfter is { } after && after > TimeSpan.Zero)
            {
                queue.Forget(request);
                queue.AddAfter(request, after);
            }
            else if (result.Requeue)
            {
                queue.AddRateLimited(request);
            }
            else
            {
                queue.Forget(request);
            }

            _metrics.Reconciled(Name, result.Requeue ? "requeue" : "success", _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            _metrics.Reconciled(Name, "cancelled", _time.GetElapsedTime(started));
        }
        catch (ApiException ex) when (ex.Code == 409)
        {
            Log.Conflict(_logger, Name, request, ex.Message);
            _metrics.Reconciled(Name, "conflict", _time.GetElapsedTime(started));
            queue.AddRateLimited(request);
        }
        catch (Exception ex)
        {
            Log.Failed(_logger, Name, request, queue.NumRequeues(request), ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            _metrics.Reconciled(Name, "error", _time.GetElapsedTime(started));
            queue.AddRateLimited(request);
        }
    }

    private static ReconcileRequest RequestFor(TResource obj) => new(obj.Metadata?.Namespace ?? "", obj.Metadata?.Name ?? "");

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 10, Level = LogLevel.Information,
            Message = "Controller {Controller} started with {Workers} workers")]
        public static partial void Started(ILogger logger, string controller, int workers);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 11, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
        public static partial void Stopped(ILogger logger, string controller);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 12, Level = LogLevel.Debug,
            Message = "Controller {Controller}: conflict reconciling {Key}, retrying: {Reason}")]
        public static partial void Conflict(ILogger logger, string controller, ReconcileRequest key, string reason);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 13, Level = LogLevel.Warning,
            Message = "Controller {Controller}: reconciling {Key} failed (retry {Retries}); retrying with backoff")]
        public static partial void Failed(ILogger logger, string controller, ReconcileRequest key, int retries, Exception exception);
    }
}
