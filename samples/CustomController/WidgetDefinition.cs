using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;

namespace CustomController;

/// <summary>The Widget CustomResourceDefinition (example.com/v1) and its installation.</summary>
public static class WidgetDefinition
{
    public static readonly ApiResource Widgets = new("example.com", "v1", "widgets");

    private static readonly ApiResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private const string Manifest = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.example.com" },
          "spec": {
            "group": "example.com",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"] },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": {
                "status": {},
                "scale": { "specReplicasPath": ".spec.size", "statusReplicasPath": ".status.replicas", "labelSelectorPath": ".status.selector" }
              },
              "additionalPrinterColumns": [
                { "name": "Size", "type": "integer", "jsonPath": ".spec.size" },
                { "name": "Ready", "type": "integer", "jsonPath": ".status.replicas" },
                { "name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp" }
              ],
              "schema": { "openAPIV3Schema": {
                "type": "object",
                "properties": {
                  "spec": {
                    "type": "object",
                    "description": "The Pods the widget wants.",
                    "required": ["size"],
                    "properties": {
                      "size": { "type": "integer", "minimum": 0, "maximum": 20, "description": "How many Pods to run." },
                      "image": { "type": "string", "default": "nginx:1.27", "description": "The image of the Pods." }
                    }
                  },
                  "status": {
                    "type": "object",
                    "properties": { "replicas": { "type": "integer" }, "selector": { "type": "string" } }
                  }
                }
              } }
            }]
          }
        }
        """;

    /// <summary>Creates the CRD unless it exists, then waits until widgets are served.</summary>
    public static async Task InstallAsync(IKubernetesClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateAsync(Crds, null, JsonNode.Parse(Manifest)!.AsObject(), cancellationToken);
        }
        catch (ApiException ex) when (ex.Code == 409)
        {
            // Installed by an earlier run.
        }

        while (true)
        {
            try
            {
                await client.ListAsync(Widgets, null, null, cancellationToken);
                return;
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
