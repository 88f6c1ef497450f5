using System.Text.Json.Nodes;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch.Tests;

public sealed class PodFailurePolicyTests
{
    private static readonly JsonNode Policy = JsonNode.Parse("""
        {"rules":[
          {"action":"FailJob","onExitCodes":{"containerName":"main","operator":"In","values":[42]}},
          {"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}
        ]}
        """)!;

    private static Pod Failed(int exitCode, string? condition = null) => new()
    {
        Status = new PodStatus
        {
            Phase = "Failed",
            ContainerStatuses = [new ContainerStatus { Name = "main", State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exitCode } } }],
            Conditions = condition is null ? null : [new PodCondition { Type = condition, Status = "True" }],
        },
    };

    [Theory]
    [InlineData(42, null, "FailJob")]
    [InlineData(1, "DisruptionTarget", "Ignore")]
    [InlineData(1, null, "Count")]
    public void Evaluate_FirstMatchingRule(int exitCode, string? condition, string expected) =>
        Assert.Equal(expected, PodFailurePolicy.Evaluate(Policy, Failed(exitCode, condition)));
}
