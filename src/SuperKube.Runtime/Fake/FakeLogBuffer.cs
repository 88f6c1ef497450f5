using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// A container's output kept in memory, line by line with write times, so logs can be read with tail, since,
/// timestamps and limits, and followed while the container runs.
/// </summary>
internal sealed class FakeLogBuffer(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly StringBuilder[] _partial = [new(), new()];
    private TaskCompletionSource _changed = NewSignal();
    private bool _closed;

    /// <summary>Appends output text; complete lines become entries, a trailing partial line waits for its newline.</summary>
    public void Write(string text, bool error)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            var partial = _partial[error ? 1 : 0];
            partial.Append(text);
            var content = partial.ToString();
            var lastNewline = content.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                return;
            }

            var now = time.GetUtcNow();
            foreach (var line in content[..lastNewline].Split('\n'))
            {
                _entries.Add(new Entry(now, error, line));
            }

            partial.Clear().Append(content[(lastNewline + 1)..]);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Ends the log (the container exited): followers finish after the last line.</summary>
    public void Close()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            foreach (var (partial, error) in _partial.Select((p, i) => (p, i == 1)))
            {
                if (partial.Length > 0)
                {
                    _entries.Add(new Entry(time.GetUtcNow(), error, partial.ToString()));
                    partial.Clear();
                }
            }

            _closed = true;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <summary>The lines as text (tests and attach).</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lock)
        {
            return [.. _entries.Select(e => e.Line)];
        }
    }

    public Stream Open(LogOptions options, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = PumpAsync(pipe.Writer, options, cancellationToken);
        return pipe.Reader.AsStream();
    }

    /// <summary>Where reading starts for <paramref name="options"/>: after since, then the last tail lines.</summary>
    private int StartIndex(LogOptions options)
    {
        var start = 0;
        if (options.Since is { } since)
        {
            start = _entries.FindIndex(e => e.Time >= since);
            start = start < 0 ? _entries.Count : start;
        }

        if (options.TailLines is { } tail)
        {
            start = Math.Max(start, _entries.Count - Math.Max(tail, 0));
        }

        return start;
    }

    private async Task PumpAsync(PipeWriter writer, LogOptions options, CancellationToken cancellationToken)
    {
        long written = 0;
        try
        {
            int index;
            lock (_lock)
            {
                index = StartIndex(options);
            }

            while (true)
            {
                Entry[] batch;
                Task changed;
                bool closed;
                lock (_lock)
                {
                    batch = [.. _entries.Skip(index)];
                    index = _entries.Count;
                    changed = _changed.Task;
                    closed = _closed;
                }

                foreach (var entry in batch)
                {
                    var bytes = Encoding.UTF8.GetBytes(Format(entry, options.Timestamps));
                    if (options.LimitBytes is { } limit && written + bytes.Length > limit)
                    {
                        await writer.WriteAsync(bytes.AsMemory(0, (int)(limit - written)), cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    written += bytes.Length;
                    if ((await writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false)).IsCompleted)
                    {
                        return;
                    }
                }

                if (!options.Follow || (closed && batch.Length == 0) || closed)
                {
                    return;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The reader went away.
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static string Format(Entry entry, bool timestamps) =>
        timestamps
            ? entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture) + " " + entry.Line + "\n"
            : entry.Line + "\n";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Entry(DateTimeOffset Time, bool Error, string Line);
}
