using Microsoft.AspNetCore.Http;

namespace SuperKube.Security.Authentication;

/// <summary>Asks each authenticator in turn (client certificate, tokens, service-account JWTs); the first user wins.</summary>
internal sealed class ChainedAuthenticator(IReadOnlyList<IAuthenticator> authenticators) : IAuthenticator
{
    public async ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        foreach (var authenticator in authenticators)
        {
            if (await authenticator.AuthenticateAsync(context, cancellationToken).ConfigureAwait(false) is { } user)
            {
                return user;
            }
        }

        return null;
    }
}
