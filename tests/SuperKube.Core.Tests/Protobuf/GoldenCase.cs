namespace SuperKube.Protobuf.Tests;

/// <summary>
/// One kubectl generator command whose protobuf body is kept as a golden file. <paramref name="DryRunJson"/> says
/// whether <c>--dry-run=client -o json</c> prints the same object, which is then kept as the expected JSON.
/// </summary>
internal sealed record GoldenCase(string Name, string[] Args, bool DryRunJson = true)
{
    /// <summary>The arguments with extra flags placed before a <c>--</c> separator, if any.</summary>
    public IEnumerable<string> ArgsWith(params string[] flags)
    {
        var separator = Array.IndexOf(Args, "--");
        return separator < 0 ? [.. Args, .. flags] : [.. Args[..separator], .. flags, .. Args[separator..]];
    }
}
