using SuperKube.Model;

namespace SuperKube.Controllers.Disruption.Tests;

public sealed class DisruptionMathTests
{
    [Fact]
    public void Budget_IntegerMinAvailable_ExpectsTheMatchingPods()
    {
        Assert.Equal((3, 2), DisruptionMath.Budget(new IntOrString(2), null, podCount: 3, controllerScale: 5));
    }

    [Fact]
    public void Budget_PercentMinAvailable_RoundsUpOnControllerScale()
    {
        Assert.Equal((5, 3), DisruptionMath.Budget(new IntOrString("50%"), null, podCount: 4, controllerScale: 5));
    }

    [Fact]
    public void Budget_MaxUnavailable_SubtractsFromControllerScale()
    {
        Assert.Equal((4, 3), DisruptionMath.Budget(null, new IntOrString(1), podCount: 4, controllerScale: 4));
        Assert.Equal((5, 3), DisruptionMath.Budget(null, new IntOrString("30%"), podCount: 5, controllerScale: 5));
        Assert.Equal((1, 0), DisruptionMath.Budget(null, new IntOrString(3), podCount: 1, controllerScale: 1));
    }

    [Fact]
    public void DisruptionsAllowed_NeverNegative()
    {
        Assert.Equal(2, DisruptionMath.DisruptionsAllowed(4, 2));
        Assert.Equal(0, DisruptionMath.DisruptionsAllowed(1, 2));
    }
}
