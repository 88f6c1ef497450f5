using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Validation;

namespace SuperKube.CustomResources.Cel.Tests;

/// <summary>The write strategy of a CRD's first served version, as the server builds it.</summary>
internal sealed class CustomResourceStrategyHarness(JsonObject crd)
{
    private readonly IResourceStrategy _strategy = Build(crd);

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old) => _strategy.Validate(obj, old);

    private static IResourceStrategy Build(JsonObject crd)
    {
        var info = CrdInfo.From(crd);
        return CustomResourceTypes.Build(info, info.Names)[0].Strategy;
    }
}
