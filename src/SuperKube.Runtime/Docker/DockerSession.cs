using System.IO.Pipelines;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Client;

namespace SuperKube.Runtime.Docker;

/// <summary>
/// An exec or attach session over a hijacked engine connection: stdin writes go to the connection, its output is
/// demultiplexed (or copied raw with a TTY) into the stdout/stderr streams, and the exit code is asked for once
/// the output has ended.
/// </summary>
internal sealed class DockerSession : IContainerSession
{
    private readonly HijackedStream _connection;
    private readonly Func<TerminalSize, CancellationToken, Task> _resize;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public DockerSession(HijackedStream connection, DockerSessionStreams streams, Func<CancellationToken, Task<int>> exitCode, Func<TerminalSize, CancellationToken, Task> resize)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(exitCode);
        _connection = connection;
        _resize = resize;
        var stdout = streams.Stdout ? new Pipe() : null;
        var stderr = streams.Stderr && !streams.Tty ? new Pipe() : null;
        Stdin = streams.Stdin ? new StdinStream(connection) : null;
        Stdout = stdout?.Reader.AsStream();
        Stderr = stderr?.Reader.AsStream();
        _pump = PumpAsync(streams.Tty, stdout?.Writer, stderr?.Writer, _stop.Token);
        ExitCode = ExitAsync(exitCode);
    }

    public Stream? Stdin { get; }

    public Stream? Stdout { get; }

    public Stream? Stderr { get; }

    public Task<int> ExitCode { get; }

    public async ValueTask ResizeAsync(TerminalSize size, CancellationToken cancellationToken)
    {
        try
        {
            await _resize(size, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException)
        {
            // The process may have ended or has no terminal: resizing is best effort.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Ending the session while output was flowing.
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(bool tty, PipeWriter? stdout, PipeWriter? stderr, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var outStream = stdout?.AsStream(leaveOpen: true);
            var errStream = stderr?.AsStream(leaveOpen: true);
            if (tty)
            {
                await _connection.CopyToAsync(outStream ?? Stream.Null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await DockerStreamDemultiplexer.CopyAsync(_connection, outStream, errStream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidDataException)
        {
            // The connection closed or the session was disposed.
        }
        finally
        {
            if (stdout is not null)
            {
                await stdout.CompleteAsync().ConfigureAwait(false);
            }

            if (stderr is not null)
            {
                await stderr.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> ExitAsync(Func<CancellationToken, Task<int>> exitCode)
    {
        await _pump.ConfigureAwait(false);
        return await exitCode(CancellationToken.None).ConfigureAwait(false);
    }
}
