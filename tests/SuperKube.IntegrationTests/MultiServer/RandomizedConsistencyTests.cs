using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Storage.Postgres.Tests;

namespace SuperKube.IntegrationTests.MultiServer;

/// <summary>
/// Three servers on one PostgreSQL (two in this process, the third a real <c>superkube server</c> process): seeded
/// random writers on every server create, update (with a resourceVersion precondition) and delete ConfigMaps of one
/// namespace while a watcher on every server, started at one common revision, records what it sees; a third of the
/// way through, the process is killed with SIGKILL, its writes in flight. Every surviving watcher's event sequence must
/// equal the committed history read back from the change log (no loss, no duplicate, no reordering; the killed
/// server's a prefix of it), the change log must have no revision gaps, and every acknowledged write must be in the
/// history; the writes in flight on the killed server may or may not have committed, and the history says which.
/// Mandatory under SUPERKUBE_REQUIRE_POSTGRES=1.
/// </summary>
public sealed class RandomizedConsistencyTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Namespace = "consistency";
    private const int Servers = 3;
    private const int WritersPerServer = 3;
    private const int Operations = 3000;
    private const int Names = 40;
    private const int Seed = 20261121;
    private const int KilledServer = 2;
    private const int LeaseSeconds = 3;
    private static readonly TimeSpan CatchUpDeadline = TimeSpan.FromSeconds(30);
    private PostgresCluster? _cluster;
    private ServerProcess? _victim;

    private PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    private ServerProcess Victim => _victim ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        postgres.Require();
        _cluster = await PostgresCluster.StartAsync(postgres, Servers - 1, TestContext.Current.CancellationToken);
        _victim = await ServerProcess.StartAsync(PostgresCluster.DatabaseUrl(_cluster.ConnectionString), $"node-{KilledServer}", LeaseSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        if (_victim is not null)
        {
            await _victim.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task RandomWritesOnEveryServer_OneKilledMinus9_EveryWatcherSeesExactlyTheCommittedHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        HttpClient[] clients = [.. Enumerable.Range(0, Servers - 1).Select(Cluster.CreateHttpClient), Victim.CreateHttpClient()];
        var watches = new List<Watcher>();
        try
        {
            (await clients[0].PostAsync("api/v1/namespaces", Json($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{Namespace}}}"}}"""), ct))
                .EnsureSuccessStatusCode();
            var start = await ListRevisionAsync(clients[0], ct);
            watches.AddRange(clients.Select(c => new Watcher(c, start)));

            var acknowledged = await RunWritersAsync(clients, ct);

            var history = await CommittedHistoryAsync(start, ct);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{acknowledged.Count} of {Operations} operations acknowledged, {history.Count} changes committed, server {KilledServer}'s watcher saw {watches[KilledServer].Events.Count}");
            Assert.True(history.Count > Operations / 4, $"only {history.Count} changes committed");
            Assert.All(acknowledged, write => Assert.True(IsCommitted(write, history), $"acknowledged {write} is not in the committed history"));
            await AssertNoRevisionGapsAsync(start, ct);

            foreach (var server in Enumerable.Range(0, Servers).Where(s => s != KilledServer))
            {
                await Poll.UntilAsync(() => Task.FromResult(watches[server].Events.Count >= history.Count), CatchUpDeadline,
                    $"the watcher on server {server} saw {watches[server].Events.Count} of {history.Count} events");
                Assert.Equal(history, watches[server].Events);
            }

            var killed = watches[KilledServer].Events;
            Assert.Equal(history.Take(killed.Count), killed);
        }
        finally
        {
            foreach (var watch in watches)
            {
                await watch.StopAsync();
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Runs the writers until <see cref="Operations"/> are done, killing one server a third of the way; returns the acknowledged writes.</summary>
    private async Task<List<Change>> RunWritersAsync(HttpClient[] clients, CancellationToken ct)
    {
        var acknowledged = new List<Change>();
        var next = -1;
        var killAt = Operations / 3;
        var killed = new TaskCompletionSource();

        async Task WriteAsync(int server, Random random)
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Operations)
            {
                if (i == killAt)
                {
                    Victim.Kill(); // SIGKILL, with this server's writers' requests in flight
                    killed.SetResult();
                }

                Change? write;
                try
                {
                    write = await RandomWriteAsync(clients[server], $"cm-{random.Next(Names)}", random.Next(3), i, ct);
                }
                catch (HttpRequestException) when (server == KilledServer && killed.Task.IsCompleted)
                {
                    return; // the server is gone: whatever it did or did not commit, nothing was acknowledged
                }

                if (write is not null)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(write);
                    }
                }
            }
        }

        var writers = Enumerable.Range(0, Servers * WritersPerServer)
            .Select(w => Task.Run(() => WriteAsync(w % Servers, new Random(Seed + w)), ct))
            .ToList();
        await Task.WhenAll(writers);
        Assert.True(killed.Task.IsCompleted, "the server was never killed");
        return acknowledged;
    }

    /// <summary>One create, precondition-guarded update or precondition-guarded delete; the change when the server acknowledged it.</summary>
    private static async Task<Change?> RandomWriteAsync(HttpClient client, string name, int kind, int operation, CancellationToken ct)
    {
        var collection = $"api/v1/namespaces/{Namespace}/configmaps";
        if (kind == 0)
        {
            using var created = await client.PostAsync(collection,
                Json($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"},"data":{"op":"{{{operation}}}"}}"""), ct);
            return created.StatusCode == HttpStatusCode.Created ? await ChangeAsync("ADDED", created, ct) : null;
        }

        using var read = await client.GetAsync($"{collection}/{name}", ct);
        if (read.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var current = JsonNode.Parse(await read.EnsureSuccessStatusCode().Content.ReadAsStringAsync(ct))!;
        var revision = (string)current["metadata"]!["resourceVersion"]!;
        if (kind == 1)
        {
            current["data"] = new JsonObject { ["op"] = operation.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            using var updated = await client.PutAsync($"{collection}/{name}", Json(current.ToJsonString()), ct); // carries the read resourceVersion
            return updated.StatusCode == HttpStatusCode.OK ? await ChangeAsync("MODIFIED", updated, ct) : null;
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{collection}/{name}")
        {
            Content = Json($$$"""{"apiVersion":"v1","kind":"DeleteOptions","preconditions":{"resourceVersion":"{{{revision}}}"}}"""),
        };
        using var deleted = await client.SendAsync(delete, ct);
        return deleted.StatusCode == HttpStatusCode.OK ? new Change("DELETED", name, revision) : null; // answered with a Status, not the object
    }

    /// <summary>
    /// A create or update is committed when its (type, name, resourceVersion) is in the history; a delete (known by
    /// its precondition revision) when the name's next change after that revision is its deletion.
    /// </summary>
    private static bool IsCommitted(Change write, List<Change> history) =>
        write.Type != "DELETED"
            ? history.Contains(write)
            : history.FirstOrDefault(h => h.Name == write.Name && Revision(h) > Revision(write))?.Type == "DELETED";

    private static long Revision(Change change) => long.Parse(change.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Change> ChangeAsync(string type, HttpResponseMessage response, CancellationToken ct)
    {
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["metadata"]!;
        return new Change(type, (string)metadata["name"]!, (string)metadata["resourceVersion"]!);
    }

    private static async Task<string> ListRevisionAsync(HttpClient client, CancellationToken ct)
    {
        var list = JsonNode.Parse(await client.GetStringAsync($"api/v1/namespaces/{Namespace}/configmaps", ct))!;
        return (string)list["metadata"]!["resourceVersion"]!;
    }

    /// <summary>The ConfigMap changes of the namespace after <paramref name="start"/>, as committed to the change log.</summary>
    private async Task<List<Change>> CommittedHistoryAsync(string start, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT type, name, revision FROM changes WHERE resource LIKE '%configmaps' AND namespace = @namespace AND revision > @start ORDER BY revision;",
            connection);
        command.Parameters.AddWithValue("namespace", Namespace);
        command.Parameters.AddWithValue("start", long.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var history = new List<Change>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var type = reader.GetInt16(0) switch { 0 => "ADDED", 1 => "MODIFIED", _ => "DELETED" };
            history.Add(new Change(type, reader.GetString(1), reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return history;
    }

    /// <summary>
    /// Every revision after <paramref name="start"/> up to the counter is in the change log (all resources, one snapshot):
    /// revision order is commit order and nothing a reader would have to wait for is missing.
    /// </summary>
    private async Task AssertNoRevisionGapsAsync(string start, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT revision FROM revision_counter), COUNT(*) FROM changes WHERE revision > @start;", connection);
        command.Parameters.AddWithValue("start", long.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        var (counter, logged) = (reader.GetInt64(0), reader.GetInt64(1));
        Assert.Equal(counter - long.Parse(start, System.Globalization.CultureInfo.InvariantCulture), logged);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>One watch event or committed change: its type, the object's name and resourceVersion.</summary>
    private sealed record Change(string Type, string Name, string ResourceVersion);

    /// <summary>A watch on the namespace's ConfigMaps from a given revision, recording every event in arrival order.</summary>
    private sealed class Watcher
    {
        private readonly List<Change> _events = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _reading;

        public Watcher(HttpClient client, string start) =>
            _reading = Task.Run(() => ReadAsync(client, start, _stop.Token));

        public IReadOnlyList<Change> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        /// <summary>Closes the watch; the events seen so far stay.</summary>
        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _reading;
        }

        private async Task ReadAsync(HttpClient client, string start, CancellationToken ct)
        {
            try
            {
                using var response = await client.GetAsync(
                    $"api/v1/namespaces/{Namespace}/configmaps?watch=true&resourceVersion={start}&timeoutSeconds=600",
                    HttpCompletionOption.ResponseHeadersRead, ct);
                using var reader = new StreamReader(await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(ct));
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    using var json = JsonDocument.Parse(line);
                    var type = json.RootElement.GetProperty("type").GetString()!;
                    var metadata = json.RootElement.GetProperty("object").GetProperty("metadata");
                    lock (_events)
                    {
                        _events.Add(new Change(type,
                            metadata.TryGetProperty("name", out var name) ? name.GetString()! : "",
                            metadata.TryGetProperty("resourceVersion", out var revision) ? revision.GetString()! : ""));
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // Cancelled at the end of the test, or the server was killed: the events so far stand.
            }
        }
    }
}
