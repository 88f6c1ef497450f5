using System.Collections.Concurrent;
using System.Diagnostics;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>
/// A process started by the harness: its output lines are collected, its start is timed, and disposing it kills it
/// (with its children) if it is still running.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
    }

    public int Id => _process.Id;

    /// <summary>Time since just before the process was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Everything the process printed so far (stdout and stderr, in arrival order).</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public static ChildProcess Start(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var clock = Stopwatch.StartNew();
        var child = new ChildProcess(process, clock);
        process.OutputDataReceived += (_, e) => child.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => child.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Polls <paramref name="url"/> every couple of milliseconds until it answers 200 and returns the time from process
    /// start to that answer. Fails when the process exits or <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<TimeSpan> WaitForOkAsync(HttpClient client, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _clock.Elapsed + timeout;
        while (_clock.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode}:\n{string.Join('\n', _lines)}");
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return _clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
        }

        throw new TimeoutException($"{url} did not answer 200 within {timeout}:\n{string.Join('\n', _lines)}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
