using SuperKube.Security.Pki;
using SuperKube.Security.Tests;

namespace SuperKube.Security.Authentication.Tests;

public sealed class ClientCertificateAuthenticatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Authenticate_SignedByClientCa_UserFromCnGroupsFromO()
    {
        using var ca = CertificateFactory.CreateAuthority("client-ca", Now, TimeSpan.FromDays(10));
        using var cert = CertificateFactory.CreateClient(ca, "jane", ["dev", "ops"], Now, TimeSpan.FromDays(1));

        var user = new ClientCertificateAuthenticator(ca, new ManualTime(Now.AddHours(1))).Authenticate(cert);

        Assert.Equal("jane", user?.Name);
        Assert.Equal(["dev", "ops", "system:authenticated"], user?.Groups);
    }

    [Fact]
    public void Authenticate_OtherCaSelfSignedOrExpired_ReturnsNull()
    {
        using var ca = CertificateFactory.CreateAuthority("client-ca", Now, TimeSpan.FromDays(10));
        using var other = CertificateFactory.CreateAuthority("other-ca", Now, TimeSpan.FromDays(10));
        using var foreign = CertificateFactory.CreateClient(other, "admin", ["system:masters"], Now, TimeSpan.FromDays(1));
        using var valid = CertificateFactory.CreateClient(ca, "jane", [], Now, TimeSpan.FromDays(1));
        var authenticator = new ClientCertificateAuthenticator(ca, new ManualTime(Now.AddHours(1)));

        Assert.Null(authenticator.Authenticate(foreign));
        Assert.Null(authenticator.Authenticate(other));
        Assert.Null(new ClientCertificateAuthenticator(ca, new ManualTime(Now.AddDays(2))).Authenticate(valid));
    }

    [Fact]
    public void Authenticate_ServerCertificateOfTheSameCa_ReturnsNull()
    {
        using var ca = CertificateFactory.CreateAuthority("client-ca", Now, TimeSpan.FromDays(10));
        using var server = CertificateFactory.CreateServer(ca, "server", ["localhost"], Now, TimeSpan.FromDays(1));

        Assert.Null(new ClientCertificateAuthenticator(ca, new ManualTime(Now.AddHours(1))).Authenticate(server));
    }
}
