using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class SecretValidatorTests
{
    [Fact]
    public void Validate_ValidSecrets_NoErrors()
    {
        Assert.Empty(SecretValidator.Validate(Obj("""{"type":"Opaque","data":{"password":"c2VjcmV0"},"stringData":{"user":"admin"}}"""), null));
        Assert.Empty(SecretValidator.Validate(Obj("""{"type":"kubernetes.io/tls","data":{"tls.crt":"AA==","tls.key":"AA=="}}"""), null));
    }

    [Fact]
    public void Validate_TlsWithoutKey_Required() =>
        Assert.Equal("data[tls.key]: Required value",
            Lines(SecretValidator.Validate(Obj("""{"type":"kubernetes.io/tls","data":{"tls.crt":"AA=="}}"""), null)));

    [Fact]
    public void Validate_BasicAuthWithoutCredentials_RequiresBoth() =>
        Assert.Equal("data[username]: Required value\ndata[password]: Required value",
            Lines(SecretValidator.Validate(Obj("""{"type":"kubernetes.io/basic-auth"}"""), null)));

    [Fact]
    public void Validate_BadStringDataKey_ReportedUnderData() =>
        Assert.StartsWith("data[a b]: Invalid value: \"a b\"",
            Lines(SecretValidator.Validate(Obj("""{"stringData":{"a b":"x"}}"""), null)));

    [Fact]
    public void Validate_OverOneMebibyte_TooLong()
    {
        var secret = Obj("""{"stringData":{}}""");
        secret["stringData"]!["big"] = new string('x', DataMaps.MaxSize + 1);

        Assert.Equal("data: Too long: must have at most 1048576 bytes", Lines(SecretValidator.Validate(secret, null)));
    }

    [Fact]
    public void Validate_TypeChanged_Immutable() =>
        Assert.Equal("type: Invalid value: \"kubernetes.io/tls\": field is immutable",
            Lines(SecretValidator.Validate(Obj("""{"type":"kubernetes.io/tls","data":{"tls.crt":"","tls.key":""}}"""), Obj("{}"))));
}
