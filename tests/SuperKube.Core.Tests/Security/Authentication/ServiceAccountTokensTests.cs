using System.Security.Cryptography;
using SuperKube.Security.Tests;

namespace SuperKube.Security.Authentication.Tests;

public sealed class ServiceAccountTokensTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ServiceAccountTokens Tokens = new(Key, ServiceAccountTokens.DefaultIssuer);
    private static readonly string[] Api = [ServiceAccountTokens.DefaultIssuer];

    private static string Issue(string[]? audiences = null, string pod = "") =>
        Tokens.Issue(new ServiceAccountClaims("ci", "builder", "uid-1", pod, pod.Length > 0 ? "pod-uid" : ""), audiences ?? Api, Now, TimeSpan.FromHours(1));

    [Fact]
    public void Validate_FreshToken_ReturnsClaims()
    {
        var claims = Tokens.Validate(Issue(), Api, Now.AddMinutes(5));

        Assert.NotNull(claims);
        Assert.Equal(new ServiceAccountClaims("ci", "builder", "uid-1") { Expires = Now.AddHours(1) }, claims);
        Assert.Equal("system:serviceaccount:ci:builder", claims.ToUser().Name);
        Assert.Contains("system:serviceaccounts:ci", claims.ToUser().Groups);
    }

    [Fact]
    public void Validate_Expired_ReturnsNull()
    {
        Assert.Null(Tokens.Validate(Issue(), Api, Now.AddHours(1).AddSeconds(1)));
    }

    [Fact]
    public void Validate_WrongAudience_ReturnsNull()
    {
        Assert.Null(Tokens.Validate(Issue(["vault"]), Api, Now));
    }

    [Fact]
    public void Validate_TamperedPayloadOrSignature_ReturnsNull()
    {
        var token = Issue();
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("builder", "admin0x", StringComparison.Ordinal);
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
        var badSignature = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        Assert.Null(Tokens.Validate(forged, Api, Now));
        Assert.Null(Tokens.Validate(badSignature, Api, Now));
        Assert.Null(Tokens.Validate("not-a-jwt", Api, Now));
        Assert.Null(Tokens.Validate("a.b.c", Api, Now));
    }

    [Fact]
    public void Validate_OtherKeyOrIssuer_ReturnsNull()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherIssuer = new ServiceAccountTokens(Key, "https://elsewhere");

        Assert.Null(new ServiceAccountTokens(otherKey, ServiceAccountTokens.DefaultIssuer).Validate(Issue(), Api, Now));
        Assert.Null(otherIssuer.Validate(Issue(), ["https://elsewhere"], Now));
    }

    [Fact]
    public void Authenticate_ServiceAccountDeletedOrRecreated_ReturnsNull()
    {
        var time = new ManualTime(Now);
        var existing = new FakeObjects().Add("", "serviceaccounts", "ci", """{"metadata":{"name":"builder","namespace":"ci","uid":"uid-1"}}""");
        var recreated = new FakeObjects().Add("", "serviceaccounts", "ci", """{"metadata":{"name":"builder","namespace":"ci","uid":"uid-2"}}""");
        var token = Issue();

        Assert.Equal("system:serviceaccount:ci:builder", new ServiceAccountAuthenticator(Tokens, existing, time).Authenticate(token)?.Name);
        Assert.Null(new ServiceAccountAuthenticator(Tokens, recreated, time).Authenticate(token));
        Assert.Null(new ServiceAccountAuthenticator(Tokens, new FakeObjects(), time).Authenticate(token));
    }

    [Fact]
    public void Authenticate_BoundPodGone_ReturnsNull()
    {
        var time = new ManualTime(Now);
        var account = new FakeObjects().Add("", "serviceaccounts", "ci", """{"metadata":{"name":"builder","namespace":"ci","uid":"uid-1"}}""");
        var withPod = new FakeObjects()
            .Add("", "serviceaccounts", "ci", """{"metadata":{"name":"builder","namespace":"ci","uid":"uid-1"}}""")
            .Add("", "pods", "ci", """{"metadata":{"name":"runner","namespace":"ci","uid":"pod-uid"}}""");
        var token = Issue(pod: "runner");

        Assert.NotNull(new ServiceAccountAuthenticator(Tokens, withPod, time).Authenticate(token));
        Assert.Null(new ServiceAccountAuthenticator(Tokens, account, time).Authenticate(token));
    }
}
