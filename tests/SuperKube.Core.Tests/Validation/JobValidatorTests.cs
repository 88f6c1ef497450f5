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

    [Fact]
    public void Validate_IndexedWithBackoffLimitPerIndex_NoErrors()
    {
        var job = Indexed(completions: 4);
        job["spec"]!["backoffLimitPerIndex"] = 1;
        job["spec"]!["maxFailedIndexes"] = 4;
        job["spec"]!["podFailurePolicy"] = JsonNode.Parse("""{"rules":[{"action":"FailIndex","onExitCodes":{"operator":"In","values":[42]}}]}""");
        job["spec"]!["podReplacementPolicy"] = "Failed";

        Assert.Empty(JobValidator.Validate(job, null));
    }

    [Fact]
    public void Validate_PerIndexFieldsWithoutIndexedMode_Invalid()
    {
        var job = Job();
        job["spec"]!["backoffLimitPerIndex"] = 1;
        job["spec"]!["maxFailedIndexes"] = 2;

        Assert.Equal(
            """
            spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode
            spec.maxFailedIndexes: Invalid value: 2: requires indexed completion mode
            """.ReplaceLineEndings("\n"),
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_MaxFailedIndexesAboveCompletionsWithoutLimitPerIndex_Invalid()
    {
        var job = Indexed(completions: 2);
        job["spec"]!["maxFailedIndexes"] = 3;

        Assert.Equal(
            """
            spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified
            spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions
            """.ReplaceLineEndings("\n"),
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_IndexedWithoutCompletionsNegativeLimit_Invalid()
    {
        var job = Job();
        job["spec"]!["completionMode"] = "Indexed";
        job["spec"]!["backoffLimitPerIndex"] = -1;

        Assert.Equal(
            """
            spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0
            spec.completions: Required value: when completion mode is Indexed
            """.ReplaceLineEndings("\n"),
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_FailIndexWithoutBackoffLimitPerIndex_Invalid()
    {
        var job = Indexed(completions: 2);
        job["spec"]!["podFailurePolicy"] = JsonNode.Parse("""{"rules":[{"action":"FailIndex","onExitCodes":{"operator":"In","values":[1]}}]}""");

        Assert.Equal("spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex to be set",
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_PodFailurePolicyRules_InvalidAsUpstream()
    {
        var job = Job();
        job["spec"]!["podFailurePolicy"] = JsonNode.Parse("""
            {"rules":[
              {"action":"Retry","onExitCodes":{"operator":"In","containerName":"other","values":[3,0,3]}},
              {"action":"Ignore"},
              {"onPodConditions":[{"type":"DisruptionTarget","status":"Maybe"}],"onExitCodes":{"operator":"NotIn","values":[]}}
            ]}
            """);

        Assert.Equal(
            """
            spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"
            spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "other": must be one of the container or initContainer names in the pod template
            spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator
            spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3
            spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{3, 0, 3}: must be ordered
            spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required
            spec.podFailurePolicy.rules[2].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]
            spec.podFailurePolicy.rules[2].onExitCodes.values: Invalid value: []int32{}: at least one value is required
            spec.podFailurePolicy.rules[2].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"
            spec.podFailurePolicy.rules[2]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported
            spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"
            """.ReplaceLineEndings("\n"),
            Lines(JobValidator.Validate(WithReplacement(job, "TerminatingOrFailed"), null)));
    }

    [Fact]
    public void Validate_PodFailurePolicyWithOnFailureRestart_Invalid()
    {
        var job = Job();
        job["spec"]!["template"]!["spec"]!["restartPolicy"] = "OnFailure";
        job["spec"]!["podFailurePolicy"] = JsonNode.Parse("""{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget","status":"True"}]}]}""");

        Assert.Equal("spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\" is supported when podFailurePolicy is specified",
            Lines(JobValidator.Validate(job, null)));
    }

    [Fact]
    public void Validate_UnknownPodReplacementPolicy_NotSupported() =>
        Assert.Equal("spec.podReplacementPolicy: Unsupported value: \"Sometimes\": supported values: \"Failed\", \"TerminatingOrFailed\"",
            Lines(JobValidator.Validate(WithReplacement(Job(), "Sometimes"), null)));

    [Fact]
    public void Validate_UpdateBackoffLimitPerIndexOrCompletions_Immutable()
    {
        var old = Indexed(completions: 3);
        old["spec"]!["backoffLimitPerIndex"] = 1;
        var updated = old.DeepClone().AsObject();
        updated["spec"]!["backoffLimitPerIndex"] = 2;
        updated["spec"]!["completions"] = 4;

        Assert.Equal(
            """
            spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism
            spec.backoffLimitPerIndex: Invalid value: 2: field is immutable
            """.ReplaceLineEndings("\n"),
            Lines(JobValidator.Validate(updated, old)));
    }

    [Fact]
    public void Validate_UpdateIndexedCompletionsWithParallelism_Accepted()
    {
        var old = Indexed(completions: 3);
        old["spec"]!["parallelism"] = 3;
        var updated = old.DeepClone().AsObject();
        updated["spec"]!["completions"] = 5;
        updated["spec"]!["parallelism"] = 5;

        Assert.Empty(JobValidator.Validate(updated, old));
    }

    private static JsonObject Indexed(int completions)
    {
        var job = Job();
        job["spec"]!["completionMode"] = "Indexed";
        job["spec"]!["completions"] = completions;
        return job;
    }

    private static JsonObject WithReplacement(JsonObject job, string policy)
    {
        job["spec"]!["podReplacementPolicy"] = policy;
        return job;
    }
}
