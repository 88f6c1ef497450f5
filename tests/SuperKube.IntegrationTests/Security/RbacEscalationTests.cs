namespace SuperKube.IntegrationTests.Security;

/// <summary>
/// RBAC escalation and bind checks with the real kubectl and a least-privilege user who may manage roles and bindings
/// in one namespace: it can grant only what it holds, unless it may <c>escalate</c> or <c>bind</c>.
/// </summary>
public sealed class RbacEscalationTests(SecureServerFixture server) : IClassFixture<SecureServerFixture>
{
    private const string NotHeld = "is attempting to grant RBAC permissions not currently held:";

    /// <summary>A namespace where <paramref name="user"/> may manage roles and bindings and read pods and ConfigMap "a".</summary>
    private async Task<string> NamespaceWithRoleManagerAsync(string user)
    {
        var ns = "esc-" + Guid.NewGuid().ToString("N")[..8];
        var admin = server.Kubectl;
        (await admin.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await admin.RunAsync("create", "role", "rbac-manager", "-n", ns, "--verb=get,list,create,update,patch,delete",
            "--resource=roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io")).EnsureSuccess();
        (await admin.RunAsync("create", "role", "pod-reader", "-n", ns, "--verb=get,list", "--resource=pods")).EnsureSuccess();
        (await admin.RunAsync("create", "role", "cfg-a", "-n", ns, "--verb=get", "--resource=configmaps", "--resource-name=a")).EnsureSuccess();
        foreach (var role in new[] { "rbac-manager", "pod-reader", "cfg-a" })
        {
            (await admin.RunAsync("create", "rolebinding", $"{user}-{role}", "-n", ns, $"--role={role}", $"--user={user}")).EnsureSuccess();
        }

        return ns;
    }

    [Fact]
    public async Task CreateRole_OnlyHeldPermissions_UnheldOnesForbiddenWithUpstreamMessage()
    {
        var ns = await NamespaceWithRoleManagerAsync("mia");
        var mia = server.KubectlAs("mia", "devs");

        var subset = await mia.RunAsync("create", "role", "reader", "-n", ns, "--verb=get", "--resource=pods");
        var named = await mia.RunAsync("create", "role", "cfg-reader", "-n", ns, "--verb=get", "--resource=configmaps", "--resource-name=a");
        var deleter = await mia.RunAsync("create", "role", "deleter", "-n", ns, "--verb=get,delete,patch", "--resource=pods");
        var otherName = await mia.RunAsync("create", "role", "cfg-b", "-n", ns, "--verb=get", "--resource=configmaps", "--resource-name=a", "--resource-name=b");
        var anyName = await mia.RunAsync("create", "role", "cfg-all", "-n", ns, "--verb=get", "--resource=configmaps");
        var wildcard = await mia.RunAsync("create", "role", "star", "-n", ns, "--verb=*", "--resource=pods");
        var stored = await server.Kubectl.RunAsync("get", "roles", "-n", ns, "-o", "name");

        subset.EnsureSuccess();
        named.EnsureSuccess();
        Assert.Contains(
            $"roles.rbac.authorization.k8s.io \"deleter\" is forbidden: user \"mia\" (groups=[\"devs\" \"system:authenticated\"]) {NotHeld}\n"
            + "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\" \"patch\"]}",
            deleter.StdErr);
        Assert.Contains($"{NotHeld}\n{{APIGroups:[\"\"], Resources:[\"configmaps\"], ResourceNames:[\"b\"], Verbs:[\"get\"]}}", otherName.StdErr);
        Assert.Contains($"{NotHeld}\n{{APIGroups:[\"\"], Resources:[\"configmaps\"], Verbs:[\"get\"]}}", anyName.StdErr);
        Assert.Contains($"{NotHeld}\n{{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"*\"]}}", wildcard.StdErr);
        Assert.All([deleter, otherName, anyName, wildcard], r => Assert.NotEqual(0, r.ExitCode));
        Assert.DoesNotContain("deleter", stored.StdOut);
        Assert.DoesNotContain("star", stored.StdOut);
    }

    [Fact]
    public async Task UpdateRole_AddingUnheldVerb_Forbidden_AndEscalateVerbAllowsIt()
    {
        var ns = await NamespaceWithRoleManagerAsync("noa");
        var noa = server.KubectlAs("noa");
        (await noa.RunAsync("create", "role", "reader", "-n", ns, "--verb=get", "--resource=pods")).EnsureSuccess();
        string[] addDelete = ["patch", "role", "reader", "-n", ns, "--type=json", "-p", """[{"op":"add","path":"/rules/0/verbs/-","value":"delete"}]"""];

        var patch = await noa.RunAsync(addDelete);
        (await server.Kubectl.RunAsync("create", "role", "escalator", "-n", ns, "--verb=escalate", "--resource=roles.rbac.authorization.k8s.io")).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "rolebinding", "noa-escalates", "-n", ns, "--role=escalator", "--user=noa")).EnsureSuccess();
        var escalated = await noa.RunAsync(addDelete);
        var verbs = await server.Kubectl.RunAsync("get", "role", "reader", "-n", ns, "-o", "jsonpath={.rules[0].verbs}");

        Assert.NotEqual(0, patch.ExitCode);
        Assert.Contains($"Error from server (Forbidden): roles.rbac.authorization.k8s.io \"reader\" is forbidden: user \"noa\" (groups=[\"system:authenticated\"]) {NotHeld}", patch.StdErr);
        escalated.EnsureSuccess();
        Assert.Equal("[\"get\",\"delete\"]", verbs.EnsureSuccess().StdOut);
    }

    [Fact]
    public async Task CreateRoleBinding_ToUnheldRole_Forbidden_AndBindVerbAllowsIt()
    {
        var ns = await NamespaceWithRoleManagerAsync("otto");
        var otto = server.KubectlAs("otto");

        var held = await otto.RunAsync("create", "rolebinding", "bob-reads", "-n", ns, "--role=pod-reader", "--user=bob");
        var edit = await otto.RunAsync("create", "rolebinding", "bob-edits", "-n", ns, "--clusterrole=edit", "--user=bob");
        var missing = await otto.RunAsync("create", "rolebinding", "bob-nothing", "-n", ns, "--role=no-such-role", "--user=bob");
        var cluster = await otto.RunAsync("create", "clusterrolebinding", "bob-admin-" + ns, "--clusterrole=cluster-admin", "--user=bob");
        (await server.Kubectl.RunAsync("create", "role", "edit-binder", "-n", ns, "--verb=bind", "--resource=clusterroles.rbac.authorization.k8s.io", "--resource-name=edit"))
            .EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "rolebinding", "otto-binds", "-n", ns, "--role=edit-binder", "--user=otto")).EnsureSuccess();
        var delegated = await otto.RunAsync("create", "rolebinding", "bob-edits", "-n", ns, "--clusterrole=edit", "--user=bob");
        var stillNotAdmin = await otto.RunAsync("create", "rolebinding", "bob-admin", "-n", ns, "--clusterrole=admin", "--user=bob");
        var bobCanEdit = await server.KubectlAs("bob").RunAsync("auth", "can-i", "delete", "deployments.apps", "-n", ns);

        held.EnsureSuccess();
        Assert.Contains($"rolebindings.rbac.authorization.k8s.io \"bob-edits\" is forbidden: user \"otto\" (groups=[\"system:authenticated\"]) {NotHeld}", edit.StdErr);
        Assert.Contains("{APIGroups:[\"apps\"], Resources:[\"deployments\"], Verbs:[", edit.StdErr);
        Assert.Contains("roles.rbac.authorization.k8s.io \"no-such-role\" not found", missing.StdErr);
        Assert.Contains("User \"otto\" cannot create resource \"clusterrolebindings\" in API group \"rbac.authorization.k8s.io\" at the cluster scope", cluster.StdErr);
        delegated.EnsureSuccess();
        Assert.Contains("rolebindings.rbac.authorization.k8s.io \"bob-admin\" is forbidden", stillNotAdmin.StdErr);
        Assert.Equal("yes", bobCanEdit.StdOut.Trim());
    }

    [Fact]
    public async Task SystemMasters_GrantsAnything_AndMalformedBindingsAreInvalid()
    {
        var ns = "esc-" + Guid.NewGuid().ToString("N")[..8];
        (await server.Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        var badBinding = $$"""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"bad","namespace":"{{ns}}"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Secret","name":"x"},"subjects":[{"kind":"Robot","name":"r"}]}
            """;
        var badRole = $$"""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"bad","namespace":"{{ns}}"},"rules":[{"resources":["pods"]}]}
            """;

        var all = await server.Kubectl.RunAsync("create", "clusterrole", "everything-" + ns, "--verb=*", "--resource=*.*");
        var binding = await server.Kubectl.RunAsync(["create", "-f", "-"], badBinding, Infrastructure.Kubectl.DefaultTimeout);
        var role = await server.Kubectl.RunAsync(["create", "-f", "-"], badRole, Infrastructure.Kubectl.DefaultTimeout);

        all.EnsureSuccess();
        Assert.Contains("The RoleBinding \"bad\" is invalid", binding.StdErr);
        Assert.Contains("roleRef.kind: Unsupported value: \"Secret\"", binding.StdErr);
        Assert.Contains("subjects[0].kind: Unsupported value: \"Robot\"", binding.StdErr);
        Assert.Contains("rules[0].verbs: Required value: verbs must contain at least one value", role.StdErr);
        Assert.Contains("rules[0].apiGroups: Required value", role.StdErr);
    }
}
