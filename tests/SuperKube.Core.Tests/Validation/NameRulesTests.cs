using SuperKube.Registry;

namespace SuperKube.Validation.Tests;

public sealed class NameRulesTests
{
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end " +
        @"with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an " +
        "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with " +
        "an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    [Theory]
    [InlineData("web")]
    [InlineData("web-1.example.com")]
    [InlineData("0")]
    public void IsDns1123Subdomain_ValidName_NoErrors(string name) => Assert.Empty(NameRules.IsDns1123Subdomain(name));

    [Theory]
    [InlineData("Web")]
    [InlineData("-web")]
    [InlineData("web.")]
    [InlineData("web_1")]
    [InlineData("")]
    public void IsDns1123Subdomain_InvalidName_ExactMessage(string name) =>
        Assert.Equal([SubdomainMessage], NameRules.IsDns1123Subdomain(name));

    [Fact]
    public void IsDns1123Subdomain_TooLong_ReportsLength()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        Assert.Equal(["must be no more than 253 characters"], NameRules.IsDns1123Subdomain(name));
    }

    [Fact]
    public void IsDns1123Label_Dots_SaysSo() => Assert.Equal(["must not contain dots"], NameRules.IsDns1123Label("a.b"));

    [Fact]
    public void IsDns1123Label_Uppercase_ExactMessage() => Assert.Equal([LabelMessage], NameRules.IsDns1123Label("Web"));

    [Fact]
    public void IsDns1123Label_TooLong_ReportsLength() =>
        Assert.Equal(["must be no more than 63 characters"], NameRules.IsDns1123Label(new string('a', 64)));

    [Fact]
    public void IsDns1035Label_LeadingDigit_Invalid() =>
        Assert.Contains("start with an alphabetic character", Assert.Single(NameRules.IsDns1035Label("1web")));

    [Theory]
    [InlineData("app")]
    [InlineData("App_Name.v1")]
    [InlineData("example.com/MyName")]
    [InlineData("kubernetes.io/os")]
    public void IsQualifiedName_Valid_NoErrors(string key) => Assert.Empty(NameRules.IsQualifiedName(key));

    [Fact]
    public void IsQualifiedName_Empty_ReportsBothEmptinessAndPattern() =>
        Assert.Equal(["name part must be non-empty", "name part " + QualifiedNameMessage], NameRules.IsQualifiedName(""));

    [Fact]
    public void IsQualifiedName_EmptyPrefix_ReportsPrefix() =>
        Assert.Equal(["prefix part must be non-empty"], NameRules.IsQualifiedName("/a"));

    [Fact]
    public void IsQualifiedName_BadPrefix_PrefixesSubdomainMessage() =>
        Assert.Equal(["prefix part " + SubdomainMessage], NameRules.IsQualifiedName("Example.com/a"));

    [Fact]
    public void IsQualifiedName_TwoSlashes_ReportsQualifiedNameShape() =>
        Assert.Equal(
            ["a qualified name " + QualifiedNameMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
            NameRules.IsQualifiedName("a/b/c"));

    [Fact]
    public void IsQualifiedName_LongName_ReportsLength() =>
        Assert.Equal(["name part must be no more than 63 characters"], NameRules.IsQualifiedName(new string('a', 64)));

    [Theory]
    [InlineData("")]
    [InlineData("v1.2_3-x")]
    public void IsValidLabelValue_Valid_NoErrors(string value) => Assert.Empty(NameRules.IsValidLabelValue(value));

    [Fact]
    public void IsValidLabelValue_Invalid_ExactMessage() => Assert.Equal([LabelValueMessage], NameRules.IsValidLabelValue("-x"));

    [Theory]
    [InlineData("..", "may not be '..'")]
    [InlineData(".", "may not be '.'")]
    [InlineData("a/b", "may not contain '/'")]
    [InlineData("a%b", "may not contain '%'")]
    public void IsPathSegmentName_Illegal_Explains(string name, string expected) =>
        Assert.Equal([expected], NameRules.IsPathSegmentName(name));

    [Fact]
    public void IsPathSegmentName_AnythingElse_Valid() => Assert.Empty(NameRules.IsPathSegmentName("system:controller:Foo"));

    [Theory]
    [InlineData(NamePolicy.Subdomain, "web-", true, true)]
    [InlineData(NamePolicy.Subdomain, "web-", false, false)]
    [InlineData(NamePolicy.Label, "ns-", true, true)]
    [InlineData(NamePolicy.Label, "a.b", false, false)]
    [InlineData(NamePolicy.PathSegment, "Admin:X", false, true)]
    public void ForName_PolicyAndPrefix_AppliesTheRightRule(NamePolicy policy, string name, bool prefix, bool valid) =>
        Assert.Equal(valid, NameRules.ForName(policy, name, prefix).Count == 0);
}
