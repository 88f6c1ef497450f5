namespace SuperKube.IntegrationTests.Nodes;

/// <summary>Writes pod manifests for node tests to temporary files.</summary>
internal static class PodManifests
{
    public static string Write(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "superkube-pod-" + Guid.NewGuid().ToString("N")[..8] + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A pod bound to <paramref name="node"/> with one container running <paramref name="command"/> (a JSON array).</summary>
    public static string Pod(string ns, string name, string node, string command, string extraSpec = "", string extraContainer = "", string image = "busybox:1.36") => Write($$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          nodeName: {{node}}
          terminationGracePeriodSeconds: 5
        {{Indent(extraSpec, 2)}}
          containers:
          - name: main
            image: {{image}}
            command: {{command}}
        {{Indent(extraContainer, 4)}}
        """);

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
