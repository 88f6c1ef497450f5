using System.Buffers.Binary;
using System.Formats.Tar;
using System.Runtime.InteropServices;

namespace SuperKube.Runtime.Docker.Tests;

public sealed class PauseImageTests
{
    [Theory]
    [InlineData(Architecture.X64, 0x3E)]
    [InlineData(Architecture.Arm64, 0xB7)]
    public void Elf_Architecture_StaticExecutableWithEntryInsideTheSegment(Architecture architecture, int machine)
    {
        var elf = PauseImage.Elf(architecture);

        Assert.Equal("\u007fELF"u8.ToArray(), elf[..4]);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(16))); // ET_EXEC
        Assert.Equal(machine, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(18)));
        var entry = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(24));
        var start = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(64 + 16));
        var size = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(64 + 32));
        Assert.Equal((ulong)elf.Length, size);
        Assert.InRange(entry, start, start + size - 1);
    }

    [Fact]
    public void Archive_HoldsAnExecutablePause()
    {
        using var archive = PauseImage.Archive(Architecture.X64);
        using var reader = new TarReader(archive);

        var entry = reader.GetNextEntry();

        Assert.NotNull(entry);
        Assert.Equal("pause", entry.Name);
        Assert.True(entry.Mode.HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void Elf_UnsupportedArchitecture_Throws() =>
        Assert.Throws<PlatformNotSupportedException>(() => PauseImage.Elf(Architecture.Wasm));
}
