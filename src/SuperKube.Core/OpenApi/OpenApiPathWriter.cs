using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.OpenApi;

/// <summary>
/// Writes the <c>paths</c> of one OpenAPI v3 group-version document: a collection path, an item path and one path
/// per subresource for every resource, each operation tagged with <c>x-kubernetes-action</c> and
/// <c>x-kubernetes-group-version-kind</c> as kubectl expects.
/// </summary>
internal sealed class OpenApiPathWriter(JsonObject paths, string statusComponent, string deleteOptionsComponent)
{
    private static readonly string[] ResponseMediaTypes = ["application/json", "application/yaml"];
    private static readonly string[] ListMediaTypes = ["application/json", "application/yaml", "application/json;stream=watch"];

    /// <summary>The content types a PATCH accepts; strategic merge patch only for built-in kinds.</summary>
    public static IReadOnlyList<string> PatchMediaTypes(bool strategicMerge) => strategicMerge
        ? ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"]
        : ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    /// <summary>Adds the paths of one resource.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="component">Component name of the resource's kind.</param>
    /// <param name="listComponent">Component name of the kind's list.</param>
    /// <param name="componentOf">Component name of a subresource's response kind.</param>
    /// <param name="strategicMerge">Whether PATCH accepts strategic merge patch.</param>
    public void Add(ResourceType resource, string component, string listComponent, Func<GroupVersionKind, string> componentOf, bool strategicMerge)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var op = new OperationNames(resource);
        var gvk = resource.GroupVersionKind;
        var prefix = resource.Group.Length == 0 ? "/api/v1" : $"/apis/{resource.Group}/{resource.Version}";
        var collection = resource.IsNamespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
        var item = collection + "/{name}";
        var verbs = resource.Verbs;

        var collectionItem = PathItem(resource, withName: false);
        if (verbs.Contains("list"))
        {
            collectionItem["get"] = Operation("list", $"List or watch {resource.Kind} objects.", op.Id("list"), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.List), null, Responses(("200", "OK", listComponent, ListMediaTypes)));
            if (resource.IsNamespaced)
            {
                var all = new JsonObject { ["parameters"] = new JsonArray(OpenApiParameters.QueryParameter("pretty")) };
                all["get"] = Operation("list", $"List or watch {resource.Kind} objects in all namespaces.", op.Id("list", allNamespaces: true),
                    op.Tag, gvk, OpenApiParameters.QueryParameters(OpenApiParameters.List), null, Responses(("200", "OK", listComponent, ListMediaTypes)));
                paths[$"{prefix}/{resource.Plural}"] = all;
            }
        }

        if (verbs.Contains("create"))
        {
            collectionItem["post"] = Operation("post", $"Create a {resource.Kind}.", op.Id("create"), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.Write), Body(component),
                Responses(("200", "OK", component, ResponseMediaTypes), ("201", "Created", component, ResponseMediaTypes), ("202", "Accepted", component, ResponseMediaTypes)));
        }

        if (verbs.Contains("deletecollection"))
        {
            collectionItem["delete"] = Operation("deletecollection", $"Delete a collection of {resource.Kind} objects.", op.Id("deleteCollection"), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.DeleteCollection), Body(deleteOptionsComponent, required: false),
                Responses(("200", "OK", statusComponent, ResponseMediaTypes)));
        }

        paths[collection] = collectionItem;

        var itemPath = PathItem(resource, withName: true);
        AddItemOperations(itemPath, verbs, "", resource.Kind, component, gvk, op, strategicMerge);
        if (verbs.Contains("delete"))
        {
            itemPath["delete"] = Operation("delete", $"Delete a {resource.Kind}.", op.Id("delete"), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.Delete), Body(deleteOptionsComponent, required: false),
                Responses(("200", "OK", statusComponent, ResponseMediaTypes), ("202", "Accepted", statusComponent, ResponseMediaTypes)));
        }

        paths[item] = itemPath;

        foreach (var subresource in resource.Subresources)
        {
            var subPath = PathItem(resource, withName: true);
            AddItemOperations(subPath, subresource.Verbs, subresource.Name, resource.Kind, componentOf(subresource.ResponseKind),
                subresource.ResponseKind, op, strategicMerge);
            paths[$"{item}/{subresource.Name}"] = subPath;
        }
    }

    private void AddItemOperations(
        JsonObject pathItem, IReadOnlyList<string> verbs, string subresource, string kind, string component, GroupVersionKind gvk,
        OperationNames op, bool strategicMerge)
    {
        var what = subresource.Length == 0 ? $"a {kind}" : $"the {subresource} of a {kind}";
        var okOrCreated = Responses(("200", "OK", component, ResponseMediaTypes), ("201", "Created", component, ResponseMediaTypes));
        if (verbs.Contains("get"))
        {
            pathItem["get"] = Operation("get", $"Read {what}.", op.Id("read", subresource: subresource), op.Tag, gvk, null, null,
                Responses(("200", "OK", component, ResponseMediaTypes)));
        }

        if (verbs.Contains("update"))
        {
            pathItem["put"] = Operation("put", $"Replace {what}.", op.Id("replace", subresource: subresource), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.Write), Body(component), okOrCreated.DeepClone().AsObject());
        }

        if (verbs.Contains("patch"))
        {
            var content = new JsonObject();
            foreach (var mediaType in PatchMediaTypes(strategicMerge))
            {
                content[mediaType] = new JsonObject { ["schema"] = OpenApiSchemaWriter.Ref(ComponentNames.Patch) };
            }

            pathItem["patch"] = Operation("patch", $"Partially update {what}.", op.Id("patch", subresource: subresource), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.Patch), new JsonObject { ["content"] = content, ["required"] = true },
                okOrCreated);
        }

        if (verbs.Contains("create") && subresource.Length > 0)
        {
            pathItem["post"] = Operation("post", $"Create {what}.", op.Id("create", subresource: subresource), op.Tag, gvk,
                OpenApiParameters.QueryParameters(OpenApiParameters.Write), Body(component),
                Responses(("200", "OK", component, ResponseMediaTypes), ("201", "Created", component, ResponseMediaTypes)));
        }
    }

    private static JsonObject PathItem(ResourceType resource, bool withName)
    {
        var parameters = new JsonArray();
        if (withName)
        {
            parameters.Add(OpenApiParameters.PathParameter("name", $"Name of the {resource.Kind}."));
        }

        if (resource.IsNamespaced)
        {
            parameters.Add(OpenApiParameters.PathParameter("namespace", "Namespace of the objects; names are unique within it."));
        }

        parameters.Add(OpenApiParameters.QueryParameter("pretty"));
        return new JsonObject { ["parameters"] = parameters };
    }

    private static JsonObject Operation(
        string action, string description, string operationId, string tag, GroupVersionKind gvk, JsonArray? parameters,
        JsonObject? requestBody, JsonObject responses)
    {
        var operation = new JsonObject { ["description"] = description, ["operationId"] = operationId };
        if (parameters is not null)
        {
            operation["parameters"] = parameters;
        }

        if (requestBody is not null)
        {
            operation["requestBody"] = requestBody;
        }

        operation["responses"] = responses;
        operation["tags"] = new JsonArray(tag);
        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = OpenApiSchemaWriter.GroupVersionKindNode(gvk);
        return operation;
    }

    private static JsonObject Body(string component, bool required = true)
    {
        var body = new JsonObject
        {
            ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = OpenApiSchemaWriter.Ref(component) } },
        };
        if (required)
        {
            body["required"] = true;
        }

        return body;
    }

    private static JsonObject Responses(params (string Code, string Description, string Component, string[] MediaTypes)[] responses)
    {
        var result = new JsonObject();
        foreach (var (code, description, component, mediaTypes) in responses)
        {
            var content = new JsonObject();
            foreach (var mediaType in mediaTypes)
            {
                content[mediaType] = new JsonObject { ["schema"] = OpenApiSchemaWriter.Ref(component) };
            }

            result[code] = new JsonObject { ["content"] = content, ["description"] = description };
        }

        result["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return result;
    }

    /// <summary>Operation ids and tags in the real server's style: <c>patchAppsV1NamespacedDeploymentScale</c>, <c>apps_v1</c>.</summary>
    private sealed class OperationNames(ResourceType resource)
    {
        private readonly string _groupVersion = GroupWord(resource.Group) + Pascal(resource.Version);

        public string Tag { get; } = (resource.Group.Length == 0 ? "core" : Camel(GroupWord(resource.Group))) + "_" + resource.Version;

        public string Id(string verb, bool allNamespaces = false, string subresource = "")
        {
            var scope = resource.IsNamespaced && !allNamespaces ? "Namespaced" : "";
            var collection = verb == "deleteCollection" ? "Collection" : "";
            var id = (verb == "deleteCollection" ? "delete" : verb) + _groupVersion + collection + scope + resource.Kind + Pascal(subresource);
            return allNamespaces ? id + "ForAllNamespaces" : id;
        }

        private static string GroupWord(string group)
        {
            if (group.Length == 0)
            {
                return "Core";
            }

            var trimmed = group.EndsWith(".k8s.io", StringComparison.Ordinal) ? group[..^".k8s.io".Length] : group;
            return string.Concat(trimmed.Split('.', '-').Select(Pascal));
        }

        private static string Pascal(string word) =>
            word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

        private static string Camel(string word) =>
            word.Length == 0 ? word : char.ToLower(word[0], CultureInfo.InvariantCulture) + word[1..];
    }
}
