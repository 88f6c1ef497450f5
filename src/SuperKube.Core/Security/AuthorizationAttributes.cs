namespace SuperKube.Security;

/// <summary>What a request wants to do, as RBAC sees it.</summary>
public sealed record AuthorizationAttributes(
    UserInfo User,
    string Verb,
    string Group,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    bool IsResourceRequest,
    string Path);
