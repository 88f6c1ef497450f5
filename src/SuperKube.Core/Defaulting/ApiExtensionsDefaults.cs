using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// Defaults of apiextensions.k8s.io/v1 CustomResourceDefinition: singular and list kind names, the None conversion,
/// the webhook service port and the stored versions.
/// </summary>
internal static class ApiExtensionsDefaults
{
    public static void CustomResourceDefinition(JsonObject crd)
    {
        var spec = Obj(crd, "spec");
        var names = Obj(spec, "names");
        if (Str(names, "kind") is { Length: > 0 } kind)
        {
            SetIfZero(names, "singular", kind.ToLowerInvariant());
            SetIfZero(names, "listKind", kind + "List");
        }

        SetIfMissing(spec, "conversion", new JsonObject { ["strategy"] = "None" });
        if (Child(Child(Child(Child(spec, "conversion"), "webhook"), "clientConfig"), "service") is { } service)
        {
            SetIfMissing(service, "port", 443);
        }

        var status = Obj(crd, "status");
        if (!HasItems(status, "storedVersions")
            && Items(spec, "versions").FirstOrDefault(v => IsTrue(v, "storage")) is { } storageVersion
            && Str(storageVersion, "name") is { } version)
        {
            status["storedVersions"] = new JsonArray(version);
        }
    }
}
