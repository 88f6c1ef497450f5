namespace SuperKube.Validation.Tests;

public sealed class FormatRulesTests
{
    [Theory]
    [InlineData("http")]
    [InlineData("web-8080")]
    public void IsValidPortName_Valid_NoErrors(string name) => Assert.Empty(FormatRules.IsValidPortName(name));

    [Theory]
    [InlineData("HTTP", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)")]
    [InlineData("a--b", "must not contain consecutive hyphens")]
    [InlineData("-ab", "must not begin or end with a hyphen")]
    [InlineData("1234", "must contain at least one letter (a-z)")]
    [InlineData("abcdefghijklmnop", "must be no more than 15 characters")]
    public void IsValidPortName_Invalid_ExactMessages(string name, params string[] expected) =>
        Assert.Equal(expected, FormatRules.IsValidPortName(name));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(65535, true)]
    [InlineData(65536, false)]
    public void IsValidPortNum_Range(long port, bool valid)
    {
        var errors = FormatRules.IsValidPortNum(port);

        Assert.Equal(valid ? [] : ["must be between 1 and 65535, inclusive"], errors);
    }

    [Fact]
    public void IsEnvVarName_LeadingDigit_ExactMessage() =>
        Assert.Equal(
            ["a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start " +
             "with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"],
            FormatRules.IsEnvVarName("1abc"));

    [Theory]
    [InlineData("MY VAR", true)]
    [InlineData("1abc", true)]
    [InlineData("A=B", false)]
    [InlineData("tab\t", false)]
    public void IsRelaxedEnvVarName_PrintableAsciiExceptEquals(string name, bool valid) =>
        Assert.Equal(valid, FormatRules.IsRelaxedEnvVarName(name).Count == 0);

    [Fact]
    public void IsRelaxedEnvVarName_Empty_ReportsEmptiness() =>
        Assert.Equal(["environment variable name must be non-empty"], FormatRules.IsRelaxedEnvVarName(""));

    [Theory]
    [InlineData("..", "must not be '..'")]
    [InlineData("..a", "must not start with '..'")]
    public void IsConfigMapKey_DotPrefixes_Rejected(string key, string expected) =>
        Assert.Equal([expected], FormatRules.IsConfigMapKey(key));

    [Fact]
    public void IsConfigMapKey_Space_ExactMessage() =>
        Assert.Equal(
            ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', " +
             "regex used for validation is '[-._a-zA-Z0-9]+')"],
            FormatRules.IsConfigMapKey("a b"));
}
