namespace SuperKube.Security;

/// <summary>Decides whether a user may perform a request. Returns null when allowed, else the reason for a 403.</summary>
public interface IAuthorizer
{
    ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken);
}
