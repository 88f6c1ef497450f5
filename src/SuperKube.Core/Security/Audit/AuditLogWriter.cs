using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SuperKube.Security.Audit;

/// <summary>
/// Appends audit events to <see cref="AuditOptions.LogPath"/> as JSON lines, off the request path: requests queue
/// their events, one loop writes them and flushes whenever the queue runs dry. The file is created owner-only.
/// </summary>
internal sealed class AuditLogWriter(IOptions<AuditOptions> options) : BackgroundService
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

    public void Append(JsonObject auditEvent) => _events.Writer.TryWrite(auditEvent);

    private FileStream? _file;

    /// <summary>Opens (or creates) the log before the server serves, so a bad path fails the start.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.LogPath ?? throw new InvalidOperationException("AuditOptions.LogPath is required"));
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
        var fileOptions = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _file = new FileStream(path, fileOptions);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = _file ?? throw new InvalidOperationException("not started");
        await using (file.ConfigureAwait(false))
        {
            using var json = new Utf8JsonWriter(file);
            try
            {
                while (await _events.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
                {
                    await DrainAsync(file, json).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await DrainAsync(file, json).ConfigureAwait(false); // what was queued before the stop
            }
        }
    }

    private async Task DrainAsync(FileStream file, Utf8JsonWriter json)
    {
        while (_events.Reader.TryRead(out var auditEvent))
        {
            auditEvent.WriteTo(json);
            await json.FlushAsync().ConfigureAwait(false);
            json.Reset();
            await file.WriteAsync(NewLine).ConfigureAwait(false);
        }

        await file.FlushAsync().ConfigureAwait(false);
    }
}
