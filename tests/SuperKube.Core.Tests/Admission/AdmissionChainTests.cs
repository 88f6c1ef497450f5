namespace SuperKube.Admission.Tests;

public sealed class AdmissionChainTests
{
    [Fact]
    public void CanMutate_NoMutatingPlugins_IsFalse()
    {
        var chain = new AdmissionChain([], []);

        Assert.False(chain.CanMutate);
    }

    [Fact]
    public void CanMutate_WithAMutatingPlugin_IsTrue()
    {
        var chain = new AdmissionChain([new NoOpMutation()], []);

        Assert.True(chain.CanMutate);
    }

    private sealed class NoOpMutation : IMutatingAdmissionPlugin
    {
        public string Name => "NoOp";

        public ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
