using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// An array of <c>struct epoll_event</c> (a 32-bit event mask, then 64 bits of user data) in its native layout:
/// packed to 12 bytes on x86-64, padded to 16 elsewhere.
/// </summary>
internal sealed class EpollEvents
{
    private static readonly int Stride = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = Stride - sizeof(ulong);

    public EpollEvents(int capacity)
    {
        Capacity = capacity;
        Buffer = new byte[capacity * Stride];
    }

    public int Capacity { get; }

    /// <summary>The native array, for <c>epoll_wait</c> and <c>epoll_ctl</c>.</summary>
    public byte[] Buffer { get; }

    public uint Events(int index) => BinaryPrimitives.ReadUInt32LittleEndian(Buffer.AsSpan(index * Stride));

    public ulong Data(int index) => BinaryPrimitives.ReadUInt64LittleEndian(Buffer.AsSpan((index * Stride) + DataOffset));

    /// <summary>Writes entry 0 (for <c>epoll_ctl</c>).</summary>
    public byte[] Single(uint events, ulong data)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Buffer, events);
        BinaryPrimitives.WriteUInt64LittleEndian(Buffer.AsSpan(DataOffset), data);
        return Buffer;
    }
}
