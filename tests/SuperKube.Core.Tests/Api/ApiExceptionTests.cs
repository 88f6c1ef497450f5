using SuperKube.Registry;
using SuperKube.Validation;

namespace SuperKube.Api.Tests;

public sealed class ApiExceptionTests
{
    private static readonly ResourceType Deployments = BuiltInResources.Create().First(t => t.Plural == "deployments");
    private static readonly ResourceType Pods = BuiltInResources.Create().First(t => t.Plural == "pods");

    [Fact]
    public void NotFound_GroupedResource_UsesQualifiedNameAndResourceDetails()
    {
        var status = ApiException.NotFound(Deployments, "web").ToStatus();

        Assert.Equal("deployments.apps \"web\" not found", (string?)status["message"]);
        Assert.Equal("NotFound", (string?)status["reason"]);
        Assert.Equal(404, (int?)status["code"]);
        Assert.Equal("apps", (string?)status["details"]!["group"]);
        Assert.Equal("deployments", (string?)status["details"]!["kind"]);
    }

    [Fact]
    public void NotFound_CoreResource_OmitsGroup()
    {
        var status = ApiException.NotFound(Pods, "p").ToStatus();

        Assert.Equal("pods \"p\" not found", (string?)status["message"]);
        Assert.Null(status["details"]!["group"]);
    }

    [Fact]
    public void ToStatus_UnknownReason_LeavesReasonOut()
    {
        var status = new ApiException(500, "", "error dialing backend: dial tcp 127.0.0.1:1: connect: Connection refused").ToStatus();

        Assert.False(status.ContainsKey("reason"));
        Assert.Equal(500, (int?)status["code"]);
        Assert.Equal("Failure", (string?)status["status"]);
    }

    [Fact]
    public void Conflict_UsesUpstreamMessage()
    {
        var error = ApiException.Conflict(Pods, "p");

        Assert.Equal(409, error.Code);
        Assert.Equal("Operation cannot be fulfilled on pods \"p\": the object has been modified; please apply your changes to the latest version and try again", error.Message);
    }

    [Fact]
    public void Invalid_CarriesKindAndOneCausePerError()
    {
        var error = ApiException.Invalid("apps", "Deployment", "web", [
            FieldError.Invalid("spec.replicas", "-1", "must be greater than or equal to 0"),
            FieldError.Required("spec.selector")]);

        var status = error.ToStatus();
        Assert.Equal(422, error.Code);
        Assert.Equal("Deployment", (string?)status["details"]!["kind"]);
        Assert.Equal(2, status["details"]!["causes"]!.AsArray().Count);
        Assert.StartsWith("Deployment.apps \"web\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0", error.Message);
    }
}
