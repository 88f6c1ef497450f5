using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SuperKube.Security.Audit;

/// <summary>
/// Appends audit events to <see cref="AuditOptions.LogPath"/> as JSON lines, off the request path: requests queue
/// their events, one loop writes them and flushes whenever the queue runs dry. The file is created owner-only and
/// rotated as <see cref="AuditLogFile"/> describes.
/// </summary>
internal sealed class AuditLogWriter(IOptions<AuditOptions> options, TimeProvider time) : BackgroundService
{
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private AuditLogFile? _file;

    public void Append(JsonObject auditEvent) => _events.Writer.TryWrite(auditEvent);

    /// <summary>Opens (or creates) the log before the server serves, so a bad path fails the start.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var path = o.LogPath ?? throw new InvalidOperationException("AuditOptions.LogPath is required");
        _file = new AuditLogFile(path, o.MaxSizeBytes, o.MaxBackups, o.MaxAge, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = _file ?? throw new InvalidOperationException("not started");
        await using (file.ConfigureAwait(false))
        {
            var line = new ArrayBufferWriter<byte>();
            using var json = new Utf8JsonWriter(line);
            try
            {
                while (await _events.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
                {
                    await DrainAsync(file, line, json).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await DrainAsync(file, line, json).ConfigureAwait(false); // what was queued before the stop
            }
        }
    }

    private async Task DrainAsync(AuditLogFile file, ArrayBufferWriter<byte> line, Utf8JsonWriter json)
    {
        while (_events.Reader.TryRead(out var auditEvent))
        {
            line.ResetWrittenCount();
            json.Reset();
            auditEvent.WriteTo(json);
            json.Flush();
            line.Write("\n"u8);
            await file.WriteAsync(line.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
        }

        await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
