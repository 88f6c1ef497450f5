using SuperKube.Model;

namespace SuperKube.Controllers.Disruption;

/// <summary>
/// A PodDisruptionBudget's arithmetic. An integer minAvailable counts the matching pods; a percentage or
/// maxUnavailable is taken of the scale of the pods' controllers. Percentages round up, as upstream.
/// </summary>
internal static class DisruptionMath
{
    /// <summary>The expected pod count and the least number of healthy pods wanted.</summary>
    public static (int Expected, int DesiredHealthy) Budget(IntOrString? minAvailable, IntOrString? maxUnavailable, int podCount, int controllerScale)
    {
        if (maxUnavailable is { } max)
        {
            var unavailable = max.GetScaledValue(controllerScale, roundUp: true);
            return (controllerScale, Math.Max(0, controllerScale - unavailable));
        }

        if (minAvailable is { IsString: false } min)
        {
            return (podCount, min.IntValue);
        }

        if (minAvailable is { } percent)
        {
            return (controllerScale, percent.GetScaledValue(controllerScale, roundUp: true));
        }

        return (podCount, 0);
    }

    public static int DisruptionsAllowed(int currentHealthy, int desiredHealthy) => Math.Max(0, currentHealthy - desiredHealthy);
}
