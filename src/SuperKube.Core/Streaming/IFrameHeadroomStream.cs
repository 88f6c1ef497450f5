namespace SuperKube.Streaming;

/// <summary>
/// A byte stream that frames what it sends and can put its frame header into room the caller left in front of the
/// bytes, so a large buffer goes out in one write without being copied next to a header.
/// </summary>
internal interface IFrameHeadroomStream
{
    /// <summary>How many bytes in front of the data <see cref="WriteWithHeadroomAsync"/> needs free.</summary>
    int Headroom { get; }

    /// <summary>Sends <paramref name="buffer"/> after its first <see cref="Headroom"/> bytes (which it overwrites) as one frame.</summary>
    ValueTask WriteWithHeadroomAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
