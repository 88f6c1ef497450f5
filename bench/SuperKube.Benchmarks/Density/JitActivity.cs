using System.Runtime;

namespace SuperKube.Benchmarks.Density;

/// <summary>The JIT's counters at one moment (methods compiled, time spent compiling on every thread, tier-ups included).</summary>
internal readonly record struct JitActivity(long Methods, TimeSpan CompileTime)
{
    public static JitActivity Now() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    public static JitActivity operator -(JitActivity after, JitActivity before) =>
        new(after.Methods - before.Methods, after.CompileTime - before.CompileTime);

    /// <summary>"1,204 methods in 0.9 s" (the compile time is wall-clock time in the JIT, longer on a loaded machine).</summary>
    public override string ToString() => $"{Methods:N0} methods in {CompileTime.TotalSeconds:F1} s";
}
