using Microsoft.AspNetCore.Http;

namespace SuperKube.Security;

/// <summary>Turns a request's credentials into a user; null means "not authenticated" (401).</summary>
public interface IAuthenticator
{
    ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken);
}
