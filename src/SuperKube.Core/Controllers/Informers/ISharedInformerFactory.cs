using SuperKube.Model;

namespace SuperKube.Controllers.Informers;

/// <summary>
/// Hands out one shared informer per model type; the first request starts it. Informers read the watch cache
/// in-process through <see cref="Client.IKubernetesClient"/>, so there is no HTTP hop.
/// </summary>
public interface ISharedInformerFactory
{
    /// <summary>The informer of <typeparamref name="T"/>, started on first use.</summary>
    IInformer<T> GetInformer<T>()
        where T : class, IKubernetesObject;
}
