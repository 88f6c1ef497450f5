using System.Net;
using System.Net.Sockets;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>
/// Admission webhooks through the real kubectl: configurations applied with kubectl take effect on the next write; the
/// test serves the webhooks over HTTPS on loopback with its own CA in caBundle. Every webhook is limited to its test's
/// namespace so the tests do not see each other's webhooks.
/// </summary>
public sealed class AdmissionWebhookTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private TestWebhookServer _webhook = null!;

    private Infrastructure.Kubectl K => server.Kubectl;

    public async ValueTask InitializeAsync() => _webhook = await TestWebhookServer.StartAsync("webhook.hooks-svc.svc");

    public async ValueTask DisposeAsync() => await _webhook.DisposeAsync();

    [Fact]
    public async Task Webhooks_MutateThenValidate_LabelAddedAndDenialShownByKubectl()
    {
        var ns = await NamespaceAsync("hooks");
        await ApplyAsync(Configuration("Mutating", "mutate-" + ns, "label.superkube.test", Url(_webhook.Url("/mutate")), ns));
        await ApplyAsync(Configuration("Validating", "validate-" + ns, "deny.superkube.test", Url(_webhook.Url("/validate")), ns));

        var created = await K.RunAsync(["apply", "-n", ns, "-f", "-"], ConfigMap("plain", ""), Infrastructure.Kubectl.DefaultTimeout);
        var denied = await K.RunAsync(["apply", "-n", ns, "-f", "-"], ConfigMap("bad", "deny: \"yes\""), Infrastructure.Kubectl.DefaultTimeout);
        var dryRun = await K.RunAsync("create", "configmap", "dry", "-n", ns, "--dry-run=server", "-o", "jsonpath={.metadata.labels}");
        var elsewhere = await K.RunAsync("create", "configmap", "other", "-n", "default", "-o", "jsonpath={.metadata.labels}");
        var listed = await K.RunAsync("get", "mutatingwebhookconfigurations", "mutate-" + ns);

        created.EnsureSuccess();
        Assert.Contains("Warning: checked by the test webhook", created.StdErr);
        Assert.Equal("yes", (await K.RunAsync("get", "configmap", "plain", "-n", ns, "-o", "jsonpath={.metadata.labels.webhook-added}")).EnsureSuccess().StdOut);
        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("admission webhook \"deny.superkube.test\" denied the request: objects labelled deny=yes are not allowed", denied.StdErr);
        Assert.Contains("(Forbidden)", denied.StdErr);
        Assert.Contains("webhook-added", dryRun.EnsureSuccess().StdOut);
        Assert.True(_webhook.Reviews.Any(r => r["dryRun"]?.GetValue<bool>() == true && r["name"]?.GetValue<string>() == "dry"), "the dry-run review did not say dryRun");
        Assert.DoesNotContain("webhook-added", elsewhere.EnsureSuccess().StdOut);
        Assert.Matches(@"mutate-hooks-\w+\s+1\s+\d+s", listed.EnsureSuccess().StdOut);
        var review = _webhook.Reviews.First(r => r["name"]?.GetValue<string>() == "plain");
        Assert.Equal("CREATE", review["operation"]!.GetValue<string>());
        Assert.Equal(ns, review["namespace"]!.GetValue<string>());
        Assert.Equal("configmaps", review["resource"]!["resource"]!.GetValue<string>());
        Assert.Equal("ConfigMap", review["kind"]!["kind"]!.GetValue<string>());
        Assert.Equal("admin", review["userInfo"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhooks_ConfigurationDeleted_NoLongerCalled()
    {
        var ns = await NamespaceAsync("hooks-del");
        await ApplyAsync(Configuration("Validating", "validate-" + ns, "deny.superkube.test", Url(_webhook.Url("/validate")), ns));
        var before = await K.RunAsync(["apply", "-n", ns, "-f", "-"], ConfigMap("bad", "deny: \"yes\""), Infrastructure.Kubectl.DefaultTimeout);

        (await K.RunAsync("delete", "validatingwebhookconfiguration", "validate-" + ns)).EnsureSuccess();
        var after = await K.RunAsync(["apply", "-n", ns, "-f", "-"], ConfigMap("bad", "deny: \"yes\""), Infrastructure.Kubectl.DefaultTimeout);

        Assert.NotEqual(0, before.ExitCode);
        after.EnsureSuccess();
    }

    [Fact]
    public async Task Webhooks_ServiceReference_ResolvedToEndpointsAndVerifiedAgainstServiceName()
    {
        var ns = await NamespaceAsync("hooks-ref");
        (await K.RunAsync("create", "namespace", "hooks-svc")).EnsureSuccess();
        (await K.RunAsync(["apply", "-n", "hooks-svc", "-f", "-"], $$"""
            apiVersion: v1
            kind: Service
            metadata: {name: webhook}
            spec: {ports: [{name: https, port: 443, targetPort: {{_webhook.Port}}}]}
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: webhook}
            subsets: [{addresses: [{ip: 127.0.0.1}], ports: [{name: https, port: {{_webhook.Port}}}]}]

            """, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
        await ApplyAsync(Configuration("Mutating", "mutate-" + ns, "label.superkube.test",
            "service: {namespace: hooks-svc, name: webhook, path: /mutate}", ns));

        var created = await K.RunAsync("create", "configmap", "via-service", "-n", ns, "-o", "jsonpath={.metadata.labels.webhook-added}");

        Assert.Equal("yes", created.EnsureSuccess().StdOut);
    }

    [Fact]
    public async Task Webhooks_Down_FailPolicyRejectsAndIgnorePolicyAdmits()
    {
        var ns = await NamespaceAsync("hooks-down");
        var closed = ClosedPort();
        await ApplyAsync(Configuration("Validating", "fail-" + ns, "fail.superkube.test", Url($"https://127.0.0.1:{closed}/validate"), ns, "failurePolicy: Fail", "fail"));
        await ApplyAsync(Configuration("Validating", "ignore-" + ns, "ignore.superkube.test", Url($"https://127.0.0.1:{closed}/validate"), ns, "failurePolicy: Ignore", "ignore"));

        var failing = await K.RunAsync(["apply", "-n", ns, "-f", "-"], ConfigMap("f", "hook: fail"), Infrastructure.Kubectl.DefaultTimeout);
        var ignored = await K.RunAsync(["apply", "-n", ns, "-f", "-"], ConfigMap("i", "hook: ignore"), Infrastructure.Kubectl.DefaultTimeout);

        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains("Internal error occurred: failed calling webhook \"fail.superkube.test\": failed to call webhook: "
            + $"Post \"https://127.0.0.1:{closed}/validate?timeout=10s\": dial tcp 127.0.0.1:{closed}: connect: connection refused", failing.StdErr);
        ignored.EnsureSuccess();
    }

    [Fact]
    public async Task Webhooks_SlowerThanTimeout_RejectedWithDeadlineExceeded()
    {
        var ns = await NamespaceAsync("hooks-slow");
        await ApplyAsync(Configuration("Validating", "slow-" + ns, "slow.superkube.test", Url(_webhook.Url("/slow")), ns, "timeoutSeconds: 1"));

        var started = DateTime.UtcNow;
        var slow = await K.RunAsync("create", "configmap", "slow", "-n", ns);
        var took = DateTime.UtcNow - started;

        Assert.NotEqual(0, slow.ExitCode);
        Assert.Contains($"failed calling webhook \"slow.superkube.test\": failed to call webhook: Post \"{_webhook.Url("/slow")}?timeout=1s\": context deadline exceeded", slow.StdErr);
        Assert.True(took < TimeSpan.FromSeconds(3), $"the call was not cut at the 1 s timeout (took {took})");
    }

    [Fact]
    public async Task Webhooks_WrongCaBundle_FailsCertificateVerification()
    {
        var ns = await NamespaceAsync("hooks-ca");
        var other = await TestWebhookServer.StartAsync();
        await using var _ = other;
        await ApplyAsync(Configuration("Validating", "ca-" + ns, "ca.superkube.test", Url(_webhook.Url("/validate")), ns, caBundle: other.CaBundle));

        var result = await K.RunAsync("create", "configmap", "tls", "-n", ns);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("x509: certificate signed by unknown authority", result.StdErr);
    }

    [Fact]
    public async Task Webhooks_InvalidConfiguration_RejectedWithFieldErrors()
    {
        var invalid = await K.RunAsync(["apply", "-f", "-"], """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata: {name: invalid-hooks}
            webhooks:
            - name: short
              clientConfig: {url: "http://127.0.0.1:1/x"}
              rules: [{operations: [MAKE], apiGroups: [""], apiVersions: [v1], resources: [configmaps]}]
              admissionReviewVersions: [v1]
              timeoutSeconds: 31
              failurePolicy: Sometimes
            - name: short
              clientConfig: {}
              sideEffects: Some
              admissionReviewVersions: [v2]

            """, Infrastructure.Kubectl.DefaultTimeout);

        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("The ValidatingWebhookConfiguration \"invalid-hooks\" is invalid", invalid.StdErr);
        Assert.Contains("webhooks[0].name: Invalid value: \"short\": should be a domain with at least three segments separated by dots", invalid.StdErr);
        Assert.Contains("webhooks[1].name: Duplicate value: \"short\"", invalid.StdErr);
        Assert.Contains("webhooks[0].rules[0].operations[0]: Unsupported value: \"MAKE\"", invalid.StdErr);
        Assert.Contains("webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun", invalid.StdErr);
        Assert.Contains("webhooks[1].sideEffects: Unsupported value: \"Some\": supported values: \"None\", \"NoneOnDryRun\"", invalid.StdErr);
        Assert.Contains("webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme", invalid.StdErr);
        Assert.Contains("webhooks[1].clientConfig: Required value: exactly one of url or service is required", invalid.StdErr);
        Assert.Contains("webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds", invalid.StdErr);
        Assert.Contains("webhooks[0].failurePolicy: Unsupported value: \"Sometimes\"", invalid.StdErr);
        Assert.Contains("webhooks[1].admissionReviewVersions: Invalid value: []string{\"v2\"}: must include at least one of v1, v1beta1", invalid.StdErr);
    }

    private async Task<string> NamespaceAsync(string prefix)
    {
        var ns = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await K.RunAsync("label", "namespace", ns, "webhook-test=" + ns)).EnsureSuccess();
        return ns;
    }

    private async Task ApplyAsync(string yaml) =>
        (await K.RunAsync(["apply", "-f", "-"], yaml, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

    private static string Url(string url) => $"url: \"{url}\"";

    /// <summary>A configuration with one webhook on configmap creates in namespaces labelled webhook-test=<paramref name="ns"/>.</summary>
    private string Configuration(string kind, string name, string webhook, string client, string ns, string extra = "", string? objectLabel = null, string? caBundle = null)
    {
        var objectSelector = objectLabel is null ? "{}" : "{matchLabels: {hook: " + objectLabel + "}}";
        return $$$"""
            apiVersion: admissionregistration.k8s.io/v1
            kind: {{{kind}}}WebhookConfiguration
            metadata: {name: {{{name}}}}
            webhooks:
            - name: {{{webhook}}}
              clientConfig: {{{{client}}}, caBundle: {{{caBundle ?? _webhook.CaBundle}}}}
              rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [configmaps]}]
              namespaceSelector: {matchLabels: {webhook-test: {{{ns}}}}}
              objectSelector: {{{objectSelector}}}
              sideEffects: None
              admissionReviewVersions: [v1]
              {{{extra}}}

            """;
    }

    private static string ConfigMap(string name, string labels) => $$$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: {{{name}}}, labels: {{{{labels}}}}}
        data: {a: b}

        """;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
