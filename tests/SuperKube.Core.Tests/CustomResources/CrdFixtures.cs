using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

/// <summary>CustomResourceDefinition objects for the tests.</summary>
internal static class CrdFixtures
{
    /// <summary>widgets.example.com with v1 (storage, status and scale) and a deprecated v1beta1.</summary>
    public static JsonObject Widgets() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wd"],"categories":["all"]},
           "versions":[
             {"name":"v1beta1","served":true,"storage":false,"deprecated":true,
              "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}},
             {"name":"v1","served":true,"storage":true,
              "subresources":{"status":{},"scale":{"specReplicasPath":".spec.size","statusReplicasPath":".status.replicas","labelSelectorPath":".status.selector"}},
              "selectableFields":[{"jsonPath":".spec.color"}],
              "additionalPrinterColumns":[{"name":"Size","type":"integer","jsonPath":".spec.size"}],
              "schema":{"openAPIV3Schema":{"type":"object","properties":{
                "spec":{"type":"object","properties":{"size":{"type":"integer","maximum":10},"color":{"type":"string"}}},
                "status":{"type":"object","properties":{"replicas":{"type":"integer"},"selector":{"type":"string"}}}}}}},
             {"name":"v0","served":false,"storage":false,"schema":{"openAPIV3Schema":{"type":"object"}}}]}}
        """)!.AsObject();
}
