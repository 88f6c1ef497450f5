using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace SuperKube.Security.Authentication;

/// <summary>
/// Authenticates TLS client certificates signed by the client CA: the subject's CN is the user name, each O a group.
/// Kestrel accepts any certificate in the handshake (AllowCertificate); the chain is checked here.
/// </summary>
internal sealed class ClientCertificateAuthenticator(X509Certificate2 clientAuthority, TimeProvider time) : IAuthenticator
{
    public ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Connection.ClientCertificate is { } certificate ? Authenticate(certificate) : null);

    public UserInfo? Authenticate(X509Certificate2 certificate)
    {
        if (!IsTrusted(certificate))
        {
            return null;
        }

        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var groups = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.10")
            .Select(rdn => rdn.GetSingleElementValue() ?? "")
            .Where(g => g.Length > 0);
        return Users.Authenticated(name, groups);
    }

    /// <summary>True when the certificate chains to the client CA, is in its validity period and allows client auth.</summary>
    public bool IsTrusted(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(clientAuthority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        try
        {
            return chain.Build(certificate)
                && chain.ChainElements.Count >= 2
                && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(clientAuthority.RawDataMemory.Span);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
