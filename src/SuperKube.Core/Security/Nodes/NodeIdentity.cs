namespace SuperKube.Security.Nodes;

/// <summary>Who counts as a node: a user named <c>system:node:NAME</c> in the group <c>system:nodes</c> (upstream's NodeIdentifier).</summary>
internal static class NodeIdentity
{
    public const string UserPrefix = "system:node:";
    public const string Group = "system:nodes";

    /// <summary>The node's name (possibly empty: a node that cannot be identified), or null when the user is not a node.</summary>
    public static string? NameOf(UserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Name.StartsWith(UserPrefix, StringComparison.Ordinal) && user.Groups.Contains(Group)
            ? user.Name[UserPrefix.Length..]
            : null;
    }
}
