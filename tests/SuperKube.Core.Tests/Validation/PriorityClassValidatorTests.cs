using System.Text.Json.Nodes;

namespace SuperKube.Validation.Tests;

public sealed class PriorityClassValidatorTests
{
    [Theory]
    [InlineData("""{"metadata":{"name":"user"},"value":1000000000}""", null)]
    [InlineData("""{"metadata":{"name":"system-node-critical"},"value":2000001000}""", null)]
    [InlineData("""{"metadata":{"name":"user"},"value":1000000001}""", "value: Forbidden: maximum allowed value of a user defined priority is 1000000000")]
    [InlineData("""{"metadata":{"name":"system-node-critical"},"value":5}""", "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000")]
    [InlineData("""{"metadata":{"name":"user"},"value":1,"preemptionPolicy":"Sometimes"}""", "preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"Never\", \"PreemptLowerPriority\"")]
    public void Validate_Create_UpstreamRules(string json, string? expected)
    {
        var errors = PriorityClassValidator.Validate(JsonNode.Parse(json)!.AsObject(), null);

        Assert.Equal(expected is null ? [] : [expected], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_ValueChanged_Forbidden()
    {
        var old = JsonNode.Parse("""{"metadata":{"name":"user"},"value":1}""")!.AsObject();
        var updated = JsonNode.Parse("""{"metadata":{"name":"user"},"value":2}""")!.AsObject();

        Assert.Equal("value: Forbidden: may not be changed in an update.", Assert.Single(PriorityClassValidator.Validate(updated, old)).ToString());
    }
}
