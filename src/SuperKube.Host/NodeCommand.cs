using System.CommandLine;

namespace SuperKube.Host;

/// <summary><c>superkube node</c>: joins a server as a node, running its pods on a container runtime.</summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "URL of the SuperKube API server to join.", Required = true };
        var token = new Option<string?>("--token") { Description = "The server's node-join token (DATA_DIR/pki/node-token); the node authenticates as system:node:NAME." };
        var caFile = new Option<string?>("--ca-file") { Description = "PEM file of the cluster CA to trust (the server's DATA_DIR/pki/ca.crt)." };
        var nodeName = new Option<string?>("--node-name") { Description = "Name of this node (default: host name)." };
        var runtime = new Option<string>("--runtime") { Description = "Container runtime: auto (Docker when the engine answers, else fake), docker or fake.", DefaultValueFactory = _ => "auto" };
        runtime.AcceptOnlyFromAmong("auto", "docker", "fake");
        var podCidr = new Option<string?>("--pod-cidr") { Description = "This node's pod range (default: the first free /24 of 10.244.0.0/16)." };
        var streamingPort = new Option<int>("--streaming-port")
        {
            Description = "Port of the streaming server (logs, exec, attach, port-forward) the API server dials; needs --ca-file. 0 picks a free port.",
            DefaultValueFactory = _ => 10250,
        };
        var command = new Command("node", "Join a SuperKube server as a node.") { server, token, caFile, nodeName, runtime, podCidr, streamingPort };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!Uri.TryCreate(result.GetValue(server), UriKind.Absolute, out var url))
            {
                await Console.Error.WriteLineAsync("superkube node: --server must be an absolute URL such as https://127.0.0.1:6443");
                return 2;
            }

            var settings = new NodeSettings
            {
                Server = url,
                Token = result.GetValue(token),
                CaFile = result.GetValue(caFile),
                NodeName = EmbeddedNodes.NodeName(result.GetValue(nodeName) ?? Environment.MachineName),
                Runtime = result.GetValue(runtime) ?? "auto",
                PodCidr = result.GetValue(podCidr),
                StreamingPort = result.GetValue(streamingPort),
            };
            return await NodeHost.RunAsync(settings, Console.Out, cancellationToken);
        });
        return command;
    }
}
