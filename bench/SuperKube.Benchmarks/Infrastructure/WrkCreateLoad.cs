namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>
/// End-to-end create throughput driven by wrk, a load generator written in C as pgbench is: two threads keep
/// <c>connections</c> connections busy POSTing distinct ConfigMaps (named PREFIX-THREAD-N, the body of
/// <see cref="CreateLoad"/>) for <c>seconds</c> seconds, each waiting for the server's answer (201 once committed and
/// visible in the watch cache). Also returns the CPU wrk used, so the load generator's share of the machine is known.
/// </summary>
internal static class WrkCreateLoad
{
    private const int Threads = 2;

    public static async Task<(WrkResult Result, TimeSpan GeneratorCpu)> RunAsync(
        Uri server, string ns, string prefix, int connections, int seconds, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"superkube-creates-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(prefix), cancellationToken);
        try
        {
            var before = ProcessCpu.ReapedChildren();
            var result = await Wrk.RunAsync(new Uri(server, $"api/v1/namespaces/{ns}/configmaps"), Threads, connections, seconds, cancellationToken, script: script);
            return (result, ProcessCpu.ReapedChildren() - before);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>wrk runs <c>setup</c> once per thread (numbering them) and <c>request</c> for every request it sends.</summary>
    private static string Script(string prefix) => $$$"""
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end

        local counter = 0
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"

        function request()
          counter = counter + 1
          local name = "{{{prefix}}}-" .. tid .. "-" .. counter
          local body = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"' .. name ..
            '","labels":{"app":"bench"}},"data":{"index":"' .. counter .. '","payload":"benchmark-value"}}'
          return wrk.format(nil, nil, nil, body)
        end
        """;
}
