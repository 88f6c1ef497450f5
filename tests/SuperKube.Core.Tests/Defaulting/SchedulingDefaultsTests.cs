namespace SuperKube.Defaulting.Tests;

public sealed class SchedulingDefaultsTests
{
    [Fact]
    public void Default_PriorityClass_PreemptionPolicyDefaultsButIsKept()
    {
        DefaultingAssert.Defaults("scheduling.k8s.io", "PriorityClass",
            """{"value":1000}""",
            """{"value":1000,"preemptionPolicy":"PreemptLowerPriority"}""");
        DefaultingAssert.Defaults("scheduling.k8s.io", "PriorityClass",
            """{"value":1000,"preemptionPolicy":"Never"}""",
            """{"value":1000,"preemptionPolicy":"Never"}""");
    }
}
