namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>What one kubectl invocation printed and returned.</summary>
public sealed record KubectlResult(int ExitCode, string StdOut, string StdErr)
{
    public KubectlResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl failed with exit code {ExitCode}:\n{StdErr}\n{StdOut}");
        }

        return this;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}
