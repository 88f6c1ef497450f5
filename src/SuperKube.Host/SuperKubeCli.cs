using System.CommandLine;

namespace SuperKube.Host;

/// <summary>The <c>superkube</c> command line: <c>server</c> and <c>node</c>.</summary>
internal static class SuperKubeCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("SuperKube: a Kubernetes-compatible cluster in one .NET process.");
        root.Subcommands.Add(ServerCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        return root;
    }
}
