using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Cel.Tests;

public sealed class CelValidatorTests
{
    private static readonly CustomResourceStrategyHarness Apps = new(CelFixtures.Crd());

    [Fact]
    public void Validate_ValidApp_NoErrors()
    {
        var app = CelFixtures.App("app-1", """{"replicas":2,"maxReplicas":3,"ports":[{"name":"http","port":8080}],"labels":{"a":"x"}}""");

        Assert.Empty(Apps.Validate(app, null));
    }

    [Fact]
    public void Validate_RuleFalse_InvalidAtNodeWithMessage()
    {
        var error = Assert.Single(Apps.Validate(CelFixtures.App("app-1", """{"replicas":5,"maxReplicas":3}"""), null));

        Assert.Equal("spec: Invalid value: \"object\": replicas must not exceed maxReplicas", error.ToString());
    }

    [Fact]
    public void Validate_RootRule_SeesMetadataNameAndReportsNil()
    {
        var error = Assert.Single(Apps.Validate(CelFixtures.App("web", """{"replicas":1,"maxReplicas":3}"""), null));

        Assert.Equal("<nil>: Invalid value: \"object\": name must start with app-", error.ToString());
    }

    [Fact]
    public void Validate_ListItems_PerElementWithReasonFieldPathAndMessageExpression()
    {
        var app = CelFixtures.App("app-1", """{"replicas":1,"maxReplicas":3,"ports":[{"port":8080},{"port":80},{"port":443}]}""");

        var errors = Apps.Validate(app, null).Select(e => e.ToString()).ToList();

        Assert.Equal(["spec.ports[1].port: Forbidden: port 80 is privileged", "spec.ports[2].port: Forbidden: port 443 is privileged"], errors);
    }

    [Fact]
    public void Validate_MapValues_DefaultMessageIsFailedRule()
    {
        var app = CelFixtures.App("app-1", """{"replicas":1,"maxReplicas":3,"labels":{"ok":"short","bad":"too-long"}}""");

        var error = Assert.Single(Apps.Validate(app, null));

        Assert.Equal("spec.labels.bad: Invalid value: \"string\": failed rule: size(self) <= 5", error.ToString());
    }

    [Fact]
    public void Validate_EvaluationError_IsInvalidWithErrorText()
    {
        var app = CelFixtures.App("app-1", """{"replicas":1}""");

        var error = Assert.Single(Apps.Validate(app, null));

        Assert.Equal("spec: Invalid value: \"object\": no such key: maxReplicas evaluating rule: self.replicas <= self.maxReplicas", error.ToString());
    }

    [Fact]
    public void Validate_TransitionRule_SkippedOnCreateCheckedOnUpdate()
    {
        var created = CelFixtures.App("app-1", """{"replicas":1,"maxReplicas":3,"storageClass":"fast"}""");
        var changed = CelFixtures.App("app-1", """{"replicas":1,"maxReplicas":3,"storageClass":"slow"}""");
        var same = CelFixtures.App("app-1", """{"replicas":2,"maxReplicas":3,"storageClass":"fast"}""");

        Assert.Empty(Apps.Validate(created, null));
        Assert.Equal("spec.storageClass: Invalid value: \"string\": storageClass is immutable", Assert.Single(Apps.Validate(changed, created)).ToString());
        Assert.Empty(Apps.Validate(same, created));
    }

    [Fact]
    public void Validate_UnchangedInvalidValueOnUpdate_IsRatcheted()
    {
        var old = CelFixtures.App("app-1", """{"replicas":5,"maxReplicas":3}""");
        var update = CelFixtures.App("app-1", """{"replicas":5,"maxReplicas":3}""");
        update["metadata"]!["labels"] = new JsonObject { ["x"] = "y" };

        Assert.Empty(Apps.Validate(update, old));
    }

    [Fact]
    public void Validate_OptionalOldSelf_RunsOnCreateWithNone()
    {
        var crd = CelFixtures.Crd("""[{"rule":"oldSelf.hasValue() || self.replicas == 1","optionalOldSelf":true,"message":"start with one replica"}]""");
        var harness = new CustomResourceStrategyHarness(crd);

        var error = Assert.Single(harness.Validate(CelFixtures.App("app-1", """{"replicas":2}"""), null));

        Assert.Equal("spec: Invalid value: \"object\": start with one replica", error.ToString());
        Assert.Empty(harness.Validate(CelFixtures.App("app-1", """{"replicas":3}"""), CelFixtures.App("app-1", """{"replicas":2}""")));
    }

    [Fact]
    public void Validate_NumberField_IsDoubleEvenWhenIntegral()
    {
        var harness = new CustomResourceStrategyHarness(CelFixtures.Crd("""[{"rule":"self.ratio < 1.0 && type(self.ratio) == double"}]"""));

        Assert.Empty(harness.Validate(CelFixtures.App("app-1", """{"ratio":0}"""), null));
    }

    [Fact]
    public void Validate_HostileRule_422CostBudgetNotHang()
    {
        var harness = new CustomResourceStrategyHarness(CelFixtures.Crd(
            """[{"rule":"self.ports.all(a, self.ports.all(b, self.ports.all(c, self.ports.all(d, a.port + b.port + c.port + d.port > 0))))"}]"""));
        var ports = string.Join(',', Enumerable.Range(0, 100).Select(i => $$"""{"port":{{2000 + i}}}"""));

        var error = Assert.Single(harness.Validate(CelFixtures.App("app-1", $$"""{"ports":[{{ports}}]}"""), null));

        Assert.StartsWith("spec: Invalid value: \"object\": evaluation cost budget exceeded for rule:", error.ToString());
    }

    [Fact]
    public void Validate_WrongTypeUnderRules_RulesNotRun()
    {
        var errors = Apps.Validate(CelFixtures.App("app-1", """{"replicas":"many","maxReplicas":3}"""), null);

        Assert.Contains(errors, e => e.Reason == "FieldValueTypeInvalid");
        Assert.Contains(errors, e => e.Detail.StartsWith("some validation rules were not checked", StringComparison.Ordinal));
    }
}
