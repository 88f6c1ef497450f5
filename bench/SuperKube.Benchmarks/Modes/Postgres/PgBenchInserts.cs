using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperKube.Benchmarks.Modes.Postgres;

/// <summary>
/// The database's own insert rate: <c>pgbench -n -c N -j 2 -T seconds -f script</c> with a script inserting one row
/// per transaction of about the size of a stored ConfigMap (a key and a 300-byte value), into a table of its own.
/// </summary>
internal static partial class PgBenchInserts
{
    private const string Script = """
        \set id random(1, 2000000000)
        INSERT INTO pgbench_objects (name, value) VALUES ('bench-' || :client_id || '-' || :id, repeat('v', 300));
        """;

    /// <summary>Transactions (= inserts) per second, excluding connection set-up.</summary>
    public static async Task<double> RunAsync(ThrowawayPostgres postgres, int clients, int seconds)
    {
        await postgres.SqlAsync(ThrowawayPostgres.Database, "CREATE TABLE pgbench_objects (id bigserial PRIMARY KEY, name text NOT NULL, value text NOT NULL);");
        var script = Path.Combine(Path.GetTempPath(), $"superkube-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var output = await postgres.ToolAsync(
                "pgbench", "-h", "127.0.0.1", "-p", postgres.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n",
                "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script,
                ThrowawayPostgres.Database);
            var tps = TpsLine().Match(output);
            return tps.Success
                ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"no tps in pgbench's output: {output}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([\d.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
