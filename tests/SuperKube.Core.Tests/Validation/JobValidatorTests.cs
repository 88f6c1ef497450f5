using System.Text.Json.Nodes;
using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class JobValidatorTests
{
    [Fact]
    public void Validate_ValidJob_NoErrors() => Assert.Empty(JobValidator.Validate(Job(), null));

    [Fact]
    public void Validate_NoRestartPolicy_DefaultsToAlwaysAndIsRejected()
    {
        var job = Job();
        job["spec"]!["template"]!["spec"]!.AsObject().Remove("restartPolicy");

        Assert.Equal("spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_NegativeCounts_Invalid()
    {
        var job = Job();
        job["spec"]!["backoffLimit"] = -1;
        job["spec"]!["parallelism"] = -2;

        Assert.Equal(
            """
            spec.parallelism: Invalid value: -2: must be greater than or equal to 0
            spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0
            """.ReplaceLineEndings("\n"),
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_SelectorNotMatchingTemplate_Invalid()
    {
        var job = Job();
        job["spec"]!["selector"] = JsonNode.Parse("""{"matchLabels":{"job":"pi"}}""");

        Assert.Equal("spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`",
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_UpdateTemplate_Immutable()
    {
        var updated = Job();
        updated["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "perl:2";

        var error = Assert.Single(JobValidator.Validate(updated, Job()));

        Assert.Equal("spec.template", error.Field);
        Assert.Equal("field is immutable", error.Detail);
    }

    [Fact]
    public void Validate_UpdateOtherFields_Accepted()
    {
        var updated = Job();
        updated["spec"]!["backoffLimit"] = 6;
        updated["metadata"]!["labels"] = new JsonObject { ["a"] = "b" };

        Assert.Empty(JobValidator.Validate(updated, Job()));
    }
}
