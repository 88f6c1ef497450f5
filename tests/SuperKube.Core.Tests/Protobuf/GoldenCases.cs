namespace SuperKube.Protobuf.Tests;

/// <summary>The generator commands captured as golden files, and where those files live.</summary>
internal static class GoldenCases
{
    /// <summary>Placeholders replaced with files written at capture time.</summary>
    public const string CertFile = "{cert}";
    public const string KeyFile = "{key}";
    public const string BinaryFile = "{binary}";

    public static readonly GoldenCase[] All =
    [
        new("namespace", ["create", "namespace", "ns1"]),
        new("configmap", ["create", "configmap", "cm1", "--from-literal=a=b", "--from-literal=c=d"]),
        new("configmap-binary", ["create", "configmap", "cm2", "--from-file=blob=" + BinaryFile, "--append-hash"]),
        new("secret-generic", ["create", "secret", "generic", "s1", "--from-literal=k=v", "--type=example.com/custom"]),
        new("secret-tls", ["create", "secret", "tls", "t1", "--cert=" + CertFile, "--key=" + KeyFile]),
        new("secret-docker-registry", ["create", "secret", "docker-registry", "d1", "--docker-username=u", "--docker-password=p", "--docker-server=r.example"]),
        new("serviceaccount", ["create", "serviceaccount", "sa1"]),
        new("deployment", ["create", "deployment", "web", "--image=nginx:1.25", "--replicas=2", "--port=80"]),
        new("deployment-zero", ["create", "deployment", "multi", "--image=nginx", "--image=redis", "--replicas=0"]),
        new("job", ["create", "job", "j1", "--image=busybox", "--", "echo", "hi"]),
        new("cronjob", ["create", "cronjob", "cj1", "--image=busybox", "--schedule=*/5 * * * *", "--restart=OnFailure", "--", "echo", "hi"]),
        new("role", ["create", "role", "r1", "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=p1"]),
        new("rolebinding", ["create", "rolebinding", "rb1", "--role=r1", "--user=alice", "--serviceaccount=default:sa1"]),
        new("clusterrole", ["create", "clusterrole", "cr1", "--verb=get", "--resource=nodes", "--non-resource-url=/logs/*"]),
        new("clusterrole-aggregated", ["create", "clusterrole", "agg", "--aggregation-rule=example.com/aggregate=true"]),
        new("clusterrolebinding", ["create", "clusterrolebinding", "crb1", "--clusterrole=cr1", "--group=devs"]),
        new("quota", ["create", "quota", "q1", "--hard=pods=10,cpu=2,memory=1Gi"]),
        new("quota-scoped", ["create", "quota", "q2", "--hard=pods=5", "--scopes=BestEffort,NotTerminating"]),
        new("priorityclass", ["create", "priorityclass", "pc1", "--value=1000", "--description=high"]),
        new("priorityclass-zero", ["create", "priorityclass", "pc0", "--value=0", "--global-default", "--preemption-policy=Never"]),
        new("poddisruptionbudget", ["create", "poddisruptionbudget", "pdb1", "--selector=app=web", "--min-available=1"]),
        new("poddisruptionbudget-percent", ["create", "poddisruptionbudget", "pdb2", "--selector=app in (web,api)", "--max-unavailable=50%"]),
        new("service-clusterip", ["create", "service", "clusterip", "svc1", "--tcp=80:8080"]),
        new("service-headless", ["create", "service", "clusterip", "hl", "--clusterip=None"]),
        new("service-nodeport", ["create", "service", "nodeport", "np1", "--tcp=80:8080", "--node-port=30080"]),
        new("service-loadbalancer", ["create", "service", "loadbalancer", "lb1", "--tcp=443:https"]),
        new("service-externalname", ["create", "service", "externalname", "en1", "--external-name=bar.example"]),
        new("ingress", ["create", "ingress", "ing1", "--rule=foo.com/bar=svc1:80"]),
        new("ingress-full", ["create", "ingress", "ing2", "--class=nginx", "--rule=foo.com/*=svc1:http,tls=cert1", "--default-backend=def:8080", "--annotation=a=b"]),
        new("token", ["create", "token", "sa1"], DryRunJson: false),
        new("token-bound", ["create", "token", "sa1", "--audience=api", "--audience=vault", "--duration=10m", "--bound-object-kind=Secret", "--bound-object-name=s1"], DryRunJson: false),
        new("autoscale", ["autoscale", "deployment", "web", "--min=1", "--max=3", "--cpu-percent=80"]),
        new("auth-can-i", ["auth", "can-i", "get", "pods"], DryRunJson: false),
        new("auth-can-i-subresource", ["auth", "can-i", "update", "deployments.apps/web", "--subresource=scale", "--namespace=prod"], DryRunJson: false),
        new("auth-can-i-nonresource", ["auth", "can-i", "get", "/logs"], DryRunJson: false),
        new("auth-whoami", ["auth", "whoami"], DryRunJson: false),
    ];

    public static IEnumerable<TheoryDataRow<string>> Names => All.Select(c => new TheoryDataRow<string>(c.Name));

    /// <summary>The Golden folder in the source tree, found by walking up from the test binaries.</summary>
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "SuperKube.Core.Tests", "Protobuf", "Golden");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/SuperKube.Core.Tests/Protobuf/Golden not found above " + AppContext.BaseDirectory);
        }
    }

    public static string BinPath(string name) => Path.Combine(Directory, name + ".bin");

    public static string JsonPath(string name) => Path.Combine(Directory, name + ".json");
}
