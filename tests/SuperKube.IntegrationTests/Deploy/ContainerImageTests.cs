using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Deploy;

/// <summary>deploy/container/Dockerfile built on a base image imported from the Debian root filesystem.</summary>
public sealed class ContainerImageTests
{
    private static readonly TimeSpan DockerTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Image_RunWithVolume_ServesKubectlAsNonRootAndKeepsDataAcrossRestart()
    {
        await Requirement.DockerAsync();
        var rootfs = Requirement.DebianRootfs();
        var binary = await PublishedBinary.GetAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var image = $"superkube-test/superkube:{id}";
        var volume = $"superkube-test-{id}";
        var context = Directory.CreateTempSubdirectory("superkube-image-").FullName;
        string? container = null;
        try
        {
            var baseImage = await ImportBaseAsync(rootfs);
            Directory.CreateDirectory(Path.Combine(context, "bin"));
            File.Copy(binary, Path.Combine(context, "bin", "superkube"));
            File.Copy(Path.Combine(RepositoryPaths.Root, "deploy", "container", "Dockerfile"), Path.Combine(context, "Dockerfile"));
            await DockerAsync("build", "-q", "-t", image, "--build-arg", "BASE_IMAGE=" + baseImage, context);

            container = await StartAsync(image, volume);
            var kubectl = await KubectlForAsync(container, context);
            (await kubectl.RunAsync("wait", "--for=condition=Ready", "node", "--all", "--timeout=60s")).EnsureSuccess();
            (await kubectl.RunAsync("create", "configmap", "kept", "--from-literal=a=b")).EnsureSuccess();
            var user = (await DockerAsync("exec", container, "id", "-u")).Trim();
            await DockerAsync("rm", "-f", container);

            container = await StartAsync(image, volume);
            kubectl = await KubectlForAsync(container, context);
            var kept = (await kubectl.RunAsync("get", "configmap", "kept", "-o", "jsonpath={.data.a}")).EnsureSuccess().StdOut;

            Assert.Equal("10001", user);
            Assert.Equal("b", kept);
        }
        finally
        {
            if (container is not null)
            {
                await Command.RunAsync("docker", ["rm", "-f", container], DockerTimeout);
            }

            await Command.RunAsync("docker", ["volume", "rm", "-f", volume], DockerTimeout);
            await Command.RunAsync("docker", ["rmi", "-f", image], DockerTimeout);
            Directory.Delete(context, recursive: true);
        }
    }

    /// <summary>The root filesystem as a local image (no registry is needed); its /tmp is left out.</summary>
    private static async Task<string> ImportBaseAsync(string rootfs)
    {
        const string Image = "superkube-test/debian-base:bookworm";
        const string Script = "tar -C \"$1\" --exclude=./tmp/* --exclude=./proc/* -c . | docker import - \"$2\"";
        (await Command.RunAsync("bash", ["-c", Script, "import", rootfs, Image], DockerTimeout)).EnsureSuccess();
        return Image;
    }

    /// <summary>Runs the image with the data volume and the API port published on a free loopback port.</summary>
    private static async Task<string> StartAsync(string image, string volume) =>
        (await DockerAsync("run", "-d", "-p", "127.0.0.1::6443", "-v", volume + ":/var/lib/superkube", image, "--tls-san", "127.0.0.1")).Trim();

    /// <summary>Waits for the kubeconfig the server writes into its volume and points it at the published port.</summary>
    private static async Task<Infrastructure.Kubectl> KubectlForAsync(string container, string dir)
    {
        var kubeconfig = await Poll.UntilAsync(
            async () =>
            {
                var result = await Command.RunAsync("docker", ["exec", container, "cat", "/var/lib/superkube/kubeconfig.yaml"], DockerTimeout);
                return result.ExitCode == 0 && result.StdOut.Contains("server:", StringComparison.Ordinal) ? result.StdOut : null;
            },
            TimeSpan.FromSeconds(90),
            () => "no kubeconfig in the container");
        var published = (await DockerAsync("port", container, "6443/tcp")).Split('\n')[0].Trim();
        var path = Path.Combine(dir, "kubeconfig-" + container[..12] + ".yaml");
        await File.WriteAllTextAsync(path, kubeconfig.Replace("127.0.0.1:6443", published, StringComparison.Ordinal));
        var cache = Path.Combine(dir, "kubectl-cache-" + container[..12]);
        Directory.CreateDirectory(cache);
        var kubectl = new Infrastructure.Kubectl(path, cache);
        await Poll.UntilAsync(
            async () => (await kubectl.RunAsync("get", "--raw", "/readyz")).ExitCode == 0 ? kubectl : null,
            TimeSpan.FromSeconds(90),
            () => "the API server in the container is not ready");
        return kubectl;
    }

    private static async Task<string> DockerAsync(params string[] args) => (await Command.RunAsync("docker", args, DockerTimeout)).EnsureSuccess().StdOut;
}
