namespace SuperKube.Security;

/// <summary>How a remote node joins: it presents the node-join token as a bearer token and names itself in a header.</summary>
public static class NodeJoin
{
    /// <summary>The header a joining node names itself in; with the join token it becomes <c>system:node:NAME</c>.</summary>
    public const string NodeNameHeader = "X-SuperKube-Node-Name";
}
