using SuperKube.Controllers.Informers;

namespace SuperKube.Controllers;

/// <summary>
/// Something a controller watches besides its own resource: subscribes to an informer and turns its changes into
/// reconcile requests.
/// </summary>
/// <param name="Attach">Subscribes; returns the informer (to wait for its sync) and the subscription.</param>
internal sealed record WatchSource(
    Func<ISharedInformerFactory, IServiceProvider, Action<ReconcileRequest>, (IInformer Informer, IDisposable Subscription)> Attach);
