using SuperKube.Model;

namespace SuperKube.Controllers;

/// <summary>
/// Drives one object of <typeparamref name="TResource"/> towards its desired state (controller-runtime style).
/// Called with the object's namespace and name whenever it or something it owns or watches changed; read the
/// current state from informers (<see cref="Informers.ISharedInformerFactory"/>), write through
/// <see cref="Client.IKubernetesClient"/>. The same request is never reconciled twice at once. Throwing retries
/// the request with exponential backoff; a 409 conflict is an ordinary reason to throw.
/// </summary>
/// <typeparam name="TResource">The model type reconciled.</typeparam>
public interface IReconciler<TResource>
    where TResource : class, IKubernetesObject
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);
}
