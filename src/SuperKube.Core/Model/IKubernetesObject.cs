using SuperKube.Model.Meta;

namespace SuperKube.Model;

/// <summary>A typed top-level Kubernetes object: it has an apiVersion, a kind and standard object metadata.</summary>
public interface IKubernetesObject
{
    /// <summary>The apiVersion, such as <c>v1</c> or <c>apps/v1</c>.</summary>
    string? ApiVersion { get; set; }

    /// <summary>The kind, such as <c>Pod</c>.</summary>
    string? Kind { get; set; }

    /// <summary>The standard object metadata.</summary>
    ObjectMeta? Metadata { get; set; }
}
