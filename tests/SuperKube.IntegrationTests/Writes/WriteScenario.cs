using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Writes;

/// <summary>Helpers the write tests share: a fresh namespace per test, manifest files, and reading objects back.</summary>
internal sealed class WriteScenario(ServerFixture server)
{
    public Infrastructure.Kubectl K => server.Kubectl;

    public async Task<string> NewNamespaceAsync()
    {
        var name = "w-" + Guid.NewGuid().ToString("N")[..10];
        (await K.RunAsync(["create", "-f", "-"], $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n", Infrastructure.Kubectl.DefaultTimeout))
            .EnsureSuccess();
        return name;
    }

    /// <summary>Writes a file into the server's data directory and returns its path.</summary>
    public string WriteFile(string text, string extension = ".yaml")
    {
        var path = Path.Combine(server.DataDir, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The object as <c>kubectl get -o json --show-managed-fields</c> prints it.</summary>
    public async Task<JsonObject> GetAsync(params string[] args)
    {
        var result = (await K.RunAsync([.. new[] { "get", "-o", "json", "--show-managed-fields" }, .. args])).EnsureSuccess();
        return JsonNode.Parse(result.StdOut)!.AsObject();
    }

    /// <summary>The managedFields entry of a manager, or null.</summary>
    public static JsonObject? Manager(JsonObject obj, string manager, string operation) =>
        obj["metadata"]?["managedFields"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);

    public static string ConfigMap(string ns, string name, string data) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n{data}";

    public static string Deployment(string ns, string name, int replicas = 1, string image = "nginx:1.25") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
          labels:
            app: {name}
        spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
              - name: nginx
                image: {image}
                ports:
                - containerPort: 80
        """;
}
