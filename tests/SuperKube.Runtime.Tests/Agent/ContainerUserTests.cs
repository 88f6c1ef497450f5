using SuperKube.Model.Core;
using SuperKube.Model.Meta;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class ContainerUserTests
{
    private static readonly ContainerSpec Base = new() { Name = "main", Image = "busybox" };

    [Fact]
    public void Apply_PodAndContainerContexts_ContainerWinsAndGroupsIncludeFsGroup()
    {
        var pod = Pod(new PodSecurityContext { RunAsUser = 1000, RunAsGroup = 2000, SupplementalGroups = [4000, 5000], FsGroup = 6000 });
        var container = new Container { Name = "main", SecurityContext = new SecurityContext { RunAsUser = 1001 } };

        var spec = ContainerUser.Apply(Base, pod, container, imageUser: "");

        Assert.Equal(1001, spec.RunAsUser);
        Assert.Equal(2000, spec.RunAsGroup);
        Assert.Equal([4000L, 5000L, 6000L], spec.SupplementalGroups);
    }

    [Fact]
    public void Apply_NoSecurityContext_KeepsTheImageUser()
    {
        var spec = ContainerUser.Apply(Base, Pod(null), new Container { Name = "main" }, imageUser: "");

        Assert.Null(spec.RunAsUser);
        Assert.Null(spec.RunAsGroup);
        Assert.Empty(spec.SupplementalGroups);
    }

    [Fact]
    public void Apply_RunAsNonRootWithRunAsUserZero_KubeletMessage()
    {
        var pod = Pod(new PodSecurityContext { RunAsNonRoot = true });
        var container = new Container { Name = "main", SecurityContext = new SecurityContext { RunAsUser = 0 } };

        var error = Assert.Throws<ContainerConfigException>(() => ContainerUser.Apply(Base, pod, container, imageUser: "1000"));

        Assert.Equal("container's runAsUser breaks non-root policy (pod: \"web_ns(uid-1)\", container: main)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0:0")]
    public void Apply_RunAsNonRootAndImageRunsAsRoot_KubeletMessage(string imageUser)
    {
        var container = new Container { Name = "main", SecurityContext = new SecurityContext { RunAsNonRoot = true } };

        var error = Assert.Throws<ContainerConfigException>(() => ContainerUser.Apply(Base, Pod(null), container, imageUser));

        Assert.Equal("container has runAsNonRoot and image will run as root (pod: \"web_ns(uid-1)\", container: main)", error.Message);
        Assert.Null(error.Volume);
    }

    [Fact]
    public void Apply_RunAsNonRootAndNamedImageUser_CannotVerify()
    {
        var container = new Container { Name = "main", SecurityContext = new SecurityContext { RunAsNonRoot = true } };

        var error = Assert.Throws<ContainerConfigException>(() => ContainerUser.Apply(Base, Pod(null), container, "nobody"));

        Assert.StartsWith("container has runAsNonRoot and image has non-numeric user (nobody), cannot verify user is non-root", error.Message);
    }

    [Fact]
    public void Apply_RunAsNonRootWithNonRootUser_Allowed()
    {
        var pod = Pod(new PodSecurityContext { RunAsNonRoot = true, RunAsUser = 1000 });

        var spec = ContainerUser.Apply(Base, pod, new Container { Name = "main" }, imageUser: "");

        Assert.Equal(1000, spec.RunAsUser);
    }

    [Fact]
    public void Apply_ContainerTurnsRunAsNonRootOff_PodRuleIgnored()
    {
        var pod = Pod(new PodSecurityContext { RunAsNonRoot = true });
        var container = new Container { Name = "main", SecurityContext = new SecurityContext { RunAsNonRoot = false } };

        var spec = ContainerUser.Apply(Base, pod, container, imageUser: "");

        Assert.Null(spec.RunAsUser);
    }

    private static Pod Pod(PodSecurityContext? context) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "ns", Uid = "uid-1" },
        Spec = new PodSpec { SecurityContext = context, Containers = [new Container { Name = "main" }] },
    };
}
