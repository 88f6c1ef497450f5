using SuperKube.Model;

namespace SuperKube.Controllers.Informers;

/// <summary>Reads an informer's cache. The objects are shared: never modify them, copy first.</summary>
/// <typeparam name="T">The model type.</typeparam>
public interface ILister<T>
    where T : class, IKubernetesObject
{
    /// <summary>The object, or null.</summary>
    T? Get(string? ns, string name);

    /// <summary>Every object of a namespace, or of all namespaces when <paramref name="ns"/> is null.</summary>
    IReadOnlyList<T> List(string? ns);

    /// <summary>The objects whose index <paramref name="indexName"/> yields <paramref name="value"/>.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);

    /// <summary>The resourceVersion of the newest change the cache holds.</summary>
    long Revision { get; }
}
