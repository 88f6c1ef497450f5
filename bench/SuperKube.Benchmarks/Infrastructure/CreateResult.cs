namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>The outcome of a <see cref="CreateLoad"/> run.</summary>
internal sealed record CreateResult(int Count, int Failures, TimeSpan Elapsed, string? FirstFailure)
{
    public double PerSecond => (Count - Failures) / Elapsed.TotalSeconds;
}
