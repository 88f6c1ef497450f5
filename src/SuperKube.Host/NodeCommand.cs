using System.CommandLine;

namespace SuperKube.Host;

/// <summary><c>superkube node</c>: joins a server as a node. The node agent lands in its own issue.</summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "URL of the SuperKube API server to join." };
        var token = new Option<string?>("--token") { Description = "Node-join token printed by the server." };
        var command = new Command("node", "Join a SuperKube server as a node (pending: node agent issue).") { server, token };
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("superkube node: the node agent is not part of this build yet (pending: node agent issue).");
            return 2;
        });
        return command;
    }
}
