namespace SuperKube.IntegrationTests.CustomResources;

/// <summary>Manifests of the Widget CRD used by the kubectl tests, one group per test so tests do not collide.</summary>
internal static class CrdManifests
{
    /// <summary>A fresh group such as <c>t1a2b3c4.example.com</c>.</summary>
    public static string NewGroup() => "t" + Guid.NewGuid().ToString("N")[..8] + ".example.com";

    /// <summary>
    /// widgets.GROUP: v1 (storage; status and scale subresources, printer columns, a selectable field, defaults and
    /// limits, a CEL rule tying size to an optional limit) and a deprecated v1beta1 that keeps every field.
    /// </summary>
    public static string Widgets(string group, string kind = "Widget", string plural = "widgets", string shortName = "wdg") => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: {{plural}}.{{group}}
        spec:
          group: {{group}}
          scope: Namespaced
          names:
            plural: {{plural}}
            singular: {{plural.TrimEnd('s')}}
            kind: {{kind}}
            shortNames: [{{shortName}}]
            categories: [all]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale:
                specReplicasPath: .spec.size
                statusReplicasPath: .status.replicas
                labelSelectorPath: .status.selector
            selectableFields:
            - jsonPath: .spec.color
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
            - name: Color
              type: string
              jsonPath: .spec.color
              priority: 1
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                description: A Widget is a thing with a size.
                properties:
                  spec:
                    type: object
                    description: The desired state of the widget.
                    required: [size]
                    x-kubernetes-validations:
                    - rule: "!has(self.limit) || self.size <= self.limit"
                      message: size must not exceed limit
                    properties:
                      limit:
                        type: integer
                      size:
                        type: integer
                        minimum: 0
                        maximum: 10
                        description: How many parts the widget has.
                      color:
                        type: string
                        enum: [red, green, blue]
                        default: green
                        description: The paint.
                      options:
                        type: object
                        default: {}
                        properties:
                          shiny:
                            type: boolean
                            default: true
                  status:
                    type: object
                    properties:
                      replicas:
                        type: integer
                      selector:
                        type: string
          - name: v1beta1
            served: true
            storage: false
            deprecated: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;

    public static string Widget(string group, string name, string ns, int size, string extra = "") => $"""
        apiVersion: {group}/v1
        kind: Widget
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          size: {size}{extra}
        """;
}
