using SuperKube.Benchmarks.Modes;
using SuperKube.Benchmarks.Modes.Postgres;

// The first argument picks the benchmark; each mode lives in Modes/ and parses the rest of the arguments itself.
var mode = args.Length > 0 ? args[0] : "";
var rest = args.Length > 0 ? args[1..] : [];
return mode switch
{
    "foundation" => await FoundationBenchmark.RunAsync(rest),
    "scheduler" or "scheduler-cycle" => await SchedulerMode.RunAsync(mode, rest),
    "fixture-boot" => await FixtureBootBenchmark.RunAsync(rest),
    BareKestrelServer.ModeName => await BareKestrelServer.RunAsync(rest),
    "docker" => await DockerMode.RunAsync(rest),
    "density" => await DensityMode.RunAsync(rest),
    "service-proxy" => await ServiceProxyMode.RunAsync(rest),
    "security" => await SecurityBenchmark.RunAsync(rest),
    "postgres" => await PostgresMode.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SuperKube.Benchmarks <mode> [options]");
    Console.Error.WriteLine("modes:");
    Console.Error.WriteLine("  foundation        start-to-ready, idle RSS, GET throughput vs bare Kestrel (wrk), creates/s");
    Console.Error.WriteLine("                    options: " + FoundationOptions.Help);
    Console.Error.WriteLine("  scheduler         scheduling throughput through the API: " + SchedulerMode.Help);
    Console.Error.WriteLine("  scheduler-cycle   the scheduling cycle alone: " + SchedulerMode.Help);
    Console.Error.WriteLine("  fixture-boot      SuperKube.Testing cluster boot time p50/p99: " + FixtureBootBenchmark.Help);
    Console.Error.WriteLine("  docker            pod start latency and exec round trip on the Docker runtime: " + DockerMode.Help);
    Console.Error.WriteLine("  density           Deployments on Fake nodes: pods/s, pod startup p50/p99, Available latency, RSS: " + DensityMode.Help);
    Console.Error.WriteLine("  service-proxy     NodePort proxy throughput and added latency vs direct: " + ServiceProxyMode.Help);
    Console.Error.WriteLine("  security          GET throughput with TLS + RBAC (ServiceAccount token) vs bare Kestrel with TLS: " + SecurityBenchmark.Help);
    Console.Error.WriteLine("  postgres          creates/s on PostgreSQL vs pgbench inserts/s, cross-server watch delay: " + PostgresMode.Help);
    return 2;
}
