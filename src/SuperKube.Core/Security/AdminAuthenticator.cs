using Microsoft.AspNetCore.Http;

namespace SuperKube.Security;

/// <summary>
/// The authenticator used until TLS and credentials are configured: every caller is the cluster administrator.
/// The server binds to loopback by default while it is in use.
/// </summary>
internal sealed class AdminAuthenticator : IAuthenticator
{
    public ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<UserInfo?>(UserInfo.Admin);
}
