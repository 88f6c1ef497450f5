namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>
/// The figures of one wrk run: throughput, failed requests (non-2xx and socket errors), mean latency as printed, and
/// the requests completed.
/// </summary>
internal sealed record WrkResult(double RequestsPerSecond, long Errors, string MeanLatency, long Requests);
