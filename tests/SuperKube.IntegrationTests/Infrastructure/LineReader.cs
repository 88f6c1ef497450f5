using System.Threading.Channels;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>Reads a long-running process's output line by line so a test can wait for a line to appear.</summary>
public sealed class LineReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    public LineReader(TextReader reader)
    {
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                await _lines.Writer.WriteAsync(line);
            }

            _lines.Writer.TryComplete();
        });
    }

    public IReadOnlyList<string> Seen => _seen;

    public async Task<string> WaitForAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cts.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    _seen.Add(line);
                    if (predicate(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException("expected line not seen; output so far:\n" + string.Join('\n', _seen));
    }
}
