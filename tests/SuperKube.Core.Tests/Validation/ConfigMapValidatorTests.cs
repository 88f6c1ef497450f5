using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class ConfigMapValidatorTests
{
    [Fact]
    public void Validate_ValidConfigMap_NoErrors() =>
        Assert.Empty(ConfigMapValidator.Validate(Obj("""{"data":{"app.conf":"x=1","KEY_2":""},"binaryData":{"logo.png":"AAEC"}}"""), null));

    [Fact]
    public void Validate_BadKeyAndDuplicate_ReportedPerKey()
    {
        var errors = ConfigMapValidator.Validate(Obj("""{"data":{"a b":"1","k":"2"},"binaryData":{"k":"AA=="}}"""), null);

        Assert.Equal(
            """
            data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')
            data[k]: Invalid value: "k": duplicate of key present in binaryData
            binaryData[k]: Invalid value: "k": duplicate of key present in data
            """.ReplaceLineEndings("\n"),
            Lines(errors));
    }

    [Fact]
    public void Validate_OverOneMebibyte_TooLong()
    {
        var cm = Obj("""{"data":{}}""");
        cm["data"]!["big"] = new string('x', DataMaps.MaxSize + 1);

        var error = Assert.Single(ConfigMapValidator.Validate(cm, null));

        Assert.Equal("FieldValueTooLong", error.Reason);
        Assert.Equal("", error.Field);
    }

    [Fact]
    public void Validate_ImmutableChanged_Forbidden()
    {
        var old = Obj("""{"immutable":true,"data":{"a":"1"}}""");
        var updated = Obj("""{"data":{"a":"2"}}""");

        Assert.Equal(
            """
            immutable: Forbidden: field is immutable when `immutable` is set
            data: Forbidden: field is immutable when `immutable` is set
            """.ReplaceLineEndings("\n"),
            Lines(ConfigMapValidator.Validate(updated, old)));
    }

    [Fact]
    public void Validate_MutableUpdate_Accepted() =>
        Assert.Empty(ConfigMapValidator.Validate(Obj("""{"data":{"a":"2"}}"""), Obj("""{"data":{"a":"1"}}""")));
}
