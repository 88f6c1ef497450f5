using SuperKube.Splicing;

namespace SuperKube.Streaming;

/// <summary>A byte stream that frames what it sends and can send a frame whose payload the kernel splices out of a pipe into its socket.</summary>
internal interface ISplicedFrameStream
{
    /// <summary>Whether this stream writes to a socket of its own (otherwise <see cref="SendSpliced"/> throws).</summary>
    bool CanSplice { get; }

    /// <summary>
    /// Sends one frame, blocking the calling thread: <paramref name="innerHeader"/>, then <paramref name="length"/> bytes
    /// the pipe holds. Serialised with the stream's other writes; <paramref name="waiter"/> does the waiting.
    /// </summary>
    void SendSpliced(ReadOnlySpan<byte> innerHeader, KernelPipe pipe, int length, SocketWaiter waiter);
}
