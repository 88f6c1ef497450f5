using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Security;

namespace SuperKube.Admission.Webhooks.Tests;

public sealed class AdmissionReviewTests
{
    private const string Uid = "0b1c2d";

    [Fact]
    public void Create_PodStatusUpdate_CarriesKindsResourceSubresourceAndUser()
    {
        var pods = BuiltInResources.Create().First(t => t is { Group: "", Plural: "pods" });
        var request = new AdmissionRequest
        {
            Operation = AdmissionOperation.Update,
            Resource = pods,
            Namespace = "ns",
            Name = "p",
            Subresource = "status",
            Object = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "p" } },
            OldObject = new JsonObject(),
            User = new UserInfo("alice", ["devs"], "u-1"),
            DryRun = true,
        };

        var review = AdmissionReview.Create(request, pods, Uid)["request"]!;

        Assert.Equal(Uid, (string?)review["uid"]);
        Assert.Equal("UPDATE", (string?)review["operation"]);
        Assert.Equal("Pod", (string?)review["kind"]!["kind"]);
        Assert.Equal("pods", (string?)review["resource"]!["resource"]);
        Assert.Equal("status", (string?)review["subResource"]);
        Assert.Equal("ns", (string?)review["namespace"]);
        Assert.Equal("alice", (string?)review["userInfo"]!["username"]);
        Assert.Equal("u-1", (string?)review["userInfo"]!["uid"]);
        Assert.True((bool?)review["dryRun"]);
        Assert.Equal("UpdateOptions", (string?)review["options"]!["kind"]);
        Assert.Equal("p", (string?)review["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public void ParseResponse_AllowedWithPatchAndWarnings_ReadsThem()
    {
        var patch = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"op":"add","path":"/a","value":1}]"""));

        var response = AdmissionReview.ParseResponse(Review($$"""{"uid":"{{Uid}}","allowed":true,"patchType":"JSONPatch","patch":"{{patch}}","warnings":["w1"]}"""), Uid, mutating: true);

        Assert.True(response.Allowed);
        Assert.Equal("""[{"op":"add","path":"/a","value":1}]""", Encoding.UTF8.GetString(response.Patch!));
        Assert.Equal(["w1"], response.Warnings);
    }

    [Theory]
    [InlineData("""{"uid":"other","allowed":true}""", "expected response.uid=\"0b1c2d\", got \"other\"")]
    [InlineData("""{"uid":"0b1c2d","allowed":true,"patch":"W10="}""", "webhook returned response.patch but not response.patchType")]
    [InlineData("""{"uid":"0b1c2d","allowed":true,"patchType":"JSONPatch"}""", "webhook returned response.patchType but not response.patch")]
    [InlineData("""{"uid":"0b1c2d","allowed":true,"patch":"W10=","patchType":"Merge"}""", "webhook returned invalid response.patchType of \"Merge\"")]
    public void ParseResponse_InvalidMutatingAnswer_ThrowsUpstreamText(string response, string expected)
    {
        var ex = Assert.Throws<WebhookCallException>(() => AdmissionReview.ParseResponse(Review(response), Uid, mutating: true));

        Assert.Equal("received invalid webhook response: " + expected, ex.Message);
    }

    [Fact]
    public void ParseResponse_ValidatingWebhookReturnsPatch_Throws()
    {
        Assert.Throws<WebhookCallException>(() =>
            AdmissionReview.ParseResponse(Review("""{"uid":"0b1c2d","allowed":true,"patch":"W10=","patchType":"JSONPatch"}"""), Uid, mutating: false));
    }

    [Theory]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","response":{}}""", "expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got admission.k8s.io/v1beta1, Kind=AdmissionReview")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "webhook response was absent")]
    public void ParseResponse_WrongEnvelope_Throws(string body, string expected)
    {
        var ex = Assert.Throws<WebhookCallException>(() => AdmissionReview.ParseResponse(Encoding.UTF8.GetBytes(body), Uid, mutating: true));

        Assert.Equal("received invalid webhook response: " + expected, ex.Message);
    }

    [Fact]
    public void ParseResponse_NotJson_Throws()
    {
        Assert.Throws<WebhookCallException>(() => AdmissionReview.ParseResponse("<html>"u8, Uid, mutating: true));
    }

    private static byte[] Review(string response) =>
        Encoding.UTF8.GetBytes($$"""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{{response}}}""");
}
