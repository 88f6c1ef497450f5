namespace SuperKube.CustomResources.Cel.Tests;

public sealed class CrdCelValidationTests
{
    private const string SpecRules = "spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations";

    [Fact]
    public void Validate_CrdWithSupportedRules_NoErrors() => Assert.Empty(CrdValidator.Validate(CelFixtures.Crd(), null));

    [Fact]
    public void Validate_UndeclaredReference_CompilationFailedAtRulePath()
    {
        var error = Assert.Single(CrdValidator.Validate(CelFixtures.Crd("""[{"rule":"self.replicas > foo"}]"""), null));

        Assert.Equal(
            $"{SpecRules}[0].rule: Invalid value: \"self.replicas > foo\": compilation failed: ERROR: <input>:1:17: undeclared reference to 'foo' (in container '')",
            error.ToString());
    }

    [Fact]
    public void Validate_UnsupportedFunction_ClearCompileError()
    {
        var error = Assert.Single(CrdValidator.Validate(CelFixtures.Crd("""[{"rule":"true"},{"rule":"self.name.split('-').size() == 2"}]"""), null));

        Assert.Equal($"{SpecRules}[1].rule", error.Field);
        Assert.Contains("compilation failed: ERROR: <input>:1:11: function 'split' is not supported by this server", error.Message);
    }

    [Fact]
    public void Validate_BadEntries_EachReported()
    {
        var crd = CelFixtures.Crd("""
            [{"rule":""},{"rule":"self.a ==","message":"m"},{"rule":"true","reason":"FieldValueBogus"},
             {"rule":"true","optionalOldSelf":true},{"rule":"true","fieldPath":"spec[0]"},{"rule":"true","messageExpression":"nope"}]
            """);

        var errors = CrdValidator.Validate(crd, null).Select(e => e.Field.Replace(SpecRules, "", StringComparison.Ordinal)).ToList();

        Assert.Equal(["[0].rule", "[1].rule", "[2].reason", "[3].optionalOldSelf", "[4].fieldPath", "[5].messageExpression"], errors);
    }
}
