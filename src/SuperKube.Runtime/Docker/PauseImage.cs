using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SuperKube.Runtime.Docker;

/// <summary>
/// The sandbox image, made locally so no registry is needed: a root file system holding <c>/pause</c>, a 130-byte
/// static ELF program that waits for signals forever (a <c>pause</c>/<c>ppoll</c> system call in a loop).
/// </summary>
internal static class PauseImage
{
    /// <summary>The program's path in the image.</summary>
    public const string Program = "/pause";

    private const ulong LoadAddress = 0x400000;
    private const int HeaderSize = 64 + 56;

    /// <summary>The image's root file system as a tar archive, for the machine's architecture.</summary>
    public static MemoryStream Archive(Architecture architecture) =>
        new RootFileSystemArchive().AddFile(Program.TrimStart('/'), Elf(architecture), (UnixFileMode)0x1ED).Build();

    /// <summary>A minimal static executable: one loadable segment holding the header and the loop.</summary>
    public static byte[] Elf(Architecture architecture)
    {
        var (machine, code) = architecture switch
        {
            // mov eax, 34 (pause); syscall; jmp back to the mov
            Architecture.X64 => ((ushort)0x3E, new byte[] { 0xB8, 0x22, 0, 0, 0, 0x0F, 0x05, 0xEB, 0xF7 }),
            // x0..x3 = 0; x8 = 73 (ppoll); svc #0; b back to the first mov
            Architecture.Arm64 => ((ushort)0xB7, Words(0xD2800000, 0xD2800001, 0xD2800002, 0xD2800003, 0xD2800928, 0xD4000001, 0x17FFFFFA)),
            _ => throw new PlatformNotSupportedException($"the Docker runtime's pause program is not available for {architecture}"),
        };
        var image = new byte[HeaderSize + code.Length];
        var span = image.AsSpan();
        "\u007fELF"u8.CopyTo(span);
        span[4] = 2; // 64-bit
        span[5] = 1; // little-endian
        span[6] = 1; // ELF version
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], 2); // executable
        BinaryPrimitives.WriteUInt16LittleEndian(span[18..], machine);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], LoadAddress + HeaderSize); // entry
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], 64); // program headers follow the ELF header
        BinaryPrimitives.WriteUInt16LittleEndian(span[52..], 64); // ELF header size
        BinaryPrimitives.WriteUInt16LittleEndian(span[54..], 56); // program header size
        BinaryPrimitives.WriteUInt16LittleEndian(span[56..], 1); // one program header
        var header = span[64..];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 1); // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 5); // read + execute
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], LoadAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], LoadAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], (ulong)image.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[40..], (ulong)image.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[48..], 0x1000);
        code.CopyTo(span[HeaderSize..]);
        return image;
    }

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), words[i]);
        }

        return bytes;
    }
}
