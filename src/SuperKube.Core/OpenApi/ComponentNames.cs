using System.Collections.Frozen;
using SuperKube.Model;
using SuperKube.Registry;

namespace SuperKube.OpenApi;

/// <summary>The names under <c>components.schemas</c>, spelled like the real server's (<c>io.k8s.api.core.v1.Pod</c>).</summary>
internal static class ComponentNames
{
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    private const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    private static readonly FrozenDictionary<string, string> PackageByNamespace = new Dictionary<string, string>
    {
        ["SuperKube.Model.Meta"] = MetaPackage,
        ["SuperKube.Model.Core"] = "io.k8s.api.core.v1",
        ["SuperKube.Model.Apps"] = "io.k8s.api.apps.v1",
        ["SuperKube.Model.Batch"] = "io.k8s.api.batch.v1",
        ["SuperKube.Model.Coordination"] = "io.k8s.api.coordination.v1",
        ["SuperKube.Model.Discovery"] = "io.k8s.api.discovery.v1",
        ["SuperKube.Model.Policy"] = "io.k8s.api.policy.v1",
        ["SuperKube.Model.Scheduling"] = "io.k8s.api.scheduling.v1",
        ["SuperKube.Model.Rbac"] = "io.k8s.api.rbac.v1",
        ["SuperKube.Model.Autoscaling"] = "io.k8s.api.autoscaling.v1",
    }.ToFrozenDictionary();

    /// <summary>The component name of a model type.</summary>
    public static string For(Type modelType)
    {
        if (modelType == typeof(IntOrString))
        {
            return IntOrString;
        }

        return modelType.Namespace is { } ns && PackageByNamespace.TryGetValue(ns, out var package)
            ? $"{package}.{modelType.Name}"
            : modelType.FullName ?? modelType.Name;
    }

    /// <summary>
    /// The component name of a kind without a model: <c>io.k8s.api.networking.v1.Ingress</c> for built-in groups,
    /// the reversed group for others (<c>com.example.stable.v1.CronTab</c>), as the real server names CRD schemas.
    /// </summary>
    public static string For(GroupVersionKind kind, bool builtIn)
    {
        if (!builtIn)
        {
            return $"{string.Join('.', kind.Group.Split('.').Reverse())}.{kind.Version}.{kind.Kind}";
        }

        var package = kind.Group switch
        {
            "" => "io.k8s.api.core",
            "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
            _ => "io.k8s.api." + kind.Group.Split('.')[0],
        };
        return $"{package}.{kind.Version}.{kind.Kind}";
    }
}
