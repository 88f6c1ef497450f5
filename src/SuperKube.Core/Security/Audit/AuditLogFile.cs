using System.Globalization;

namespace SuperKube.Security.Audit;

/// <summary>
/// The audit log file with kube-apiserver's rotation (its log library's rules): a write that would grow the file past
/// the size limit first renames it to <c>NAME-yyyy-MM-ddTHH-mm-ss.fff.EXT</c> (UTC) and starts a new one; then backups
/// beyond the newest <c>maxBackups</c> (0 = all kept) and backups older than <c>maxAge</c> (zero = no limit), judged by
/// the time in their names, are deleted. Files are created owner-only. One writer at a time.
/// </summary>
internal sealed class AuditLogFile : IAsyncDisposable
{
    private const string TimeFormat = "yyyy-MM-ddTHH-mm-ss.fff";
    private readonly string _path;
    private readonly string _directory;
    private readonly string _prefix;
    private readonly string _extension;
    private readonly long _maxBytes;
    private readonly int _maxBackups;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;
    private FileStream _file;

    /// <param name="path">The log file, appended to when it exists.</param>
    /// <param name="maxBytes">The size that triggers rotation; 0 or less never rotates.</param>
    /// <param name="maxBackups">How many rotated files to keep; 0 keeps all.</param>
    /// <param name="maxAge">How long rotated files are kept; zero keeps them regardless of age.</param>
    /// <param name="time">The clock naming and aging backups.</param>
    public AuditLogFile(string path, long maxBytes, int maxBackups, TimeSpan maxAge, TimeProvider time)
    {
        _path = Path.GetFullPath(path);
        _directory = Path.GetDirectoryName(_path) ?? ".";
        _extension = Path.GetExtension(_path);
        _prefix = Path.GetFileNameWithoutExtension(_path) + "-";
        (_maxBytes, _maxBackups, _maxAge, _time) = (maxBytes, maxBackups, maxAge, time);
        Directory.CreateDirectory(_directory);
        _file = Open(_path);
    }

    /// <summary>Appends one line (with its newline), rotating first when it would not fit.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        if (_maxBytes > 0 && _file.Length > 0 && _file.Length + line.Length > _maxBytes)
        {
            await RotateAsync().ConfigureAwait(false);
        }

        await _file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    private async Task RotateAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        var now = _time.GetUtcNow().UtcDateTime;
        File.Move(_path, Path.Combine(_directory, _prefix + now.ToString(TimeFormat, CultureInfo.InvariantCulture) + _extension));
        _file = Open(_path);
        RemoveOldBackups(now);
    }

    private void RemoveOldBackups(DateTime now)
    {
        var backups = Directory.EnumerateFiles(_directory, _prefix + "*" + _extension)
            .Select(file => (File: file, Time: BackupTime(file)))
            .Where(b => b.Time is not null)
            .OrderByDescending(b => b.Time)
            .ToList();
        for (var i = 0; i < backups.Count; i++)
        {
            var tooMany = _maxBackups > 0 && i >= _maxBackups;
            var tooOld = _maxAge > TimeSpan.Zero && backups[i].Time < now - _maxAge;
            if (tooMany || tooOld)
            {
                File.Delete(backups[i].File);
            }
        }
    }

    /// <summary>The rotation time in a backup's name, or null for files that only look alike.</summary>
    private DateTime? BackupTime(string file)
    {
        var name = Path.GetFileName(file);
        var stamp = name[_prefix.Length..^_extension.Length];
        return DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }

    private static FileStream Open(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
