using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Cel.Tests;

/// <summary>A CRD (apps.cel.example.com, kind App) whose schema carries x-kubernetes-validations.</summary>
internal static class CelFixtures
{
    public const string Group = "cel.example.com";

    public static JsonObject Crd(string specRules = """[{"rule":"self.replicas <= self.maxReplicas","message":"replicas must not exceed maxReplicas"}]""") =>
        JsonNode.Parse($$$"""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"apps.{{{Group}}}"},
         "spec":{"group":"{{{Group}}}","scope":"Namespaced","names":{"plural":"apps","singular":"app","kind":"App"},
           "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
             "x-kubernetes-validations":[{"rule":"self.metadata.name.startsWith('app-')","message":"name must start with app-"}],
             "properties":{"spec":{"type":"object","x-kubernetes-validations":{{{specRules}}},
               "properties":{
                 "replicas":{"type":"integer"},"maxReplicas":{"type":"integer"},"ratio":{"type":"number"},
                 "storageClass":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"storageClass is immutable"}]},
                 "ports":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}},
                   "x-kubernetes-validations":[{"rule":"self.port > 1024","messageExpression":"'port ' + string(self.port) + ' is privileged'","reason":"FieldValueForbidden","fieldPath":".port"}]}},
                 "labels":{"type":"object","additionalProperties":{"type":"string","x-kubernetes-validations":[{"rule":"size(self) <= 5"}]} } } } } } } } ]} }
        """)!.AsObject();

    public static JsonObject App(string name, string spec) =>
        JsonNode.Parse($$"""{"apiVersion":"{{Group}}/v1","kind":"App","metadata":{"name":"{{name}}","namespace":"default"},"spec":""" + spec + "}")!.AsObject();
}
