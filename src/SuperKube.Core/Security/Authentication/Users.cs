namespace SuperKube.Security.Authentication;

/// <summary>Builds authenticated users: every one is in <c>system:authenticated</c>.</summary>
internal static class Users
{
    public const string AuthenticatedGroup = "system:authenticated";

    public static UserInfo Authenticated(string name, IEnumerable<string> groups, string uid = "") =>
        new(name, [.. groups.Where(g => g != AuthenticatedGroup).Distinct(StringComparer.Ordinal), AuthenticatedGroup], uid);
}
