using System.Formats.Tar;

namespace SuperKube.Runtime.Docker;

/// <summary>Builds small tar archives in memory: image root file systems to import, and files to copy into containers.</summary>
internal sealed class RootFileSystemArchive
{
    private readonly List<PaxTarEntry> _entries = [];
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    /// <summary>Adds a regular file (and its parent directories) at <paramref name="path"/>, relative to the root.</summary>
    public RootFileSystemArchive AddFile(string path, byte[] content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)
    {
        ArgumentNullException.ThrowIfNull(content);
        path = AddParents(path);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = mode, DataStream = new MemoryStream(content, writable: false) };
        _entries.Add(entry);
        return this;
    }

    /// <summary>Adds a symbolic link at <paramref name="path"/> pointing to <paramref name="target"/>.</summary>
    public RootFileSystemArchive AddSymlink(string path, string target)
    {
        path = AddParents(path);
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target, Mode = (UnixFileMode)0x1FF });
        return this;
    }

    /// <summary>Adds an empty directory.</summary>
    public RootFileSystemArchive AddDirectory(string path)
    {
        AddParents(path.TrimEnd('/') + "/x");
        return this;
    }

    /// <summary>Finishes the archive and returns it, positioned at its start.</summary>
    public MemoryStream Build()
    {
        var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                writer.WriteEntry(entry);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Writes the missing parent directories of <paramref name="path"/>; returns the normalised path.</summary>
    private string AddParents(string path)
    {
        path = path.Replace('\\', '/').TrimStart('/');
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        foreach (var part in parts[..^1])
        {
            current += part + "/";
            if (_directories.Add(current))
            {
                _entries.Add(new PaxTarEntry(TarEntryType.Directory, current) { Mode = (UnixFileMode)0x1ED });
            }
        }

        return string.Join('/', parts);
    }
}
