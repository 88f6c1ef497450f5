namespace SuperKube.Security;

/// <summary>The authorizer used until RBAC is configured: everything is allowed.</summary>
internal sealed class AllowAllAuthorizer : IAuthorizer
{
    public ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);
}
