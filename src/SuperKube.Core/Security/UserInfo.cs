namespace SuperKube.Security;

/// <summary>The authenticated caller of a request.</summary>
/// <param name="Name">User name, such as <c>admin</c> or <c>system:serviceaccount:default:builder</c>.</param>
/// <param name="Groups">Groups, such as <c>system:masters</c> and <c>system:authenticated</c>.</param>
/// <param name="Uid">Optional unique id.</param>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups, string Uid = "")
{
    /// <summary>The identity used while authentication is not configured: a cluster administrator.</summary>
    public static UserInfo Admin { get; } = new("admin", ["system:masters", "system:authenticated"]);

    /// <summary>The identity of in-process components (controllers, scheduler, embedded node agent).</summary>
    public static UserInfo Internal { get; } = new("system:superkube", ["system:masters", "system:authenticated"]);
}
