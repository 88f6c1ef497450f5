using System.Text;
using SuperKube.Security.Tests;

namespace SuperKube.Security.Audit.Tests;

public sealed class AuditLogFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "audit-rotation-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string LogPath => Path.Combine(_dir, "audit.log");

    private string[] Backups() => [.. Directory.GetFiles(_dir, "audit-*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal).OfType<string>()];

    /// <summary>Writes a 10-byte line, one second after the previous one.</summary>
    private async Task WriteAsync(AuditLogFile log, char c)
    {
        _time.Now += TimeSpan.FromSeconds(1);
        await log.WriteAsync(Encoding.ASCII.GetBytes(new string(c, 9) + "\n"), TestContext.Current.CancellationToken);
        await log.FlushAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WriteAsync_PastMaxSize_RenamesToTimestampedBackupAndStartsAfresh()
    {
        await using (var log = new AuditLogFile(LogPath, maxBytes: 25, maxBackups: 0, TimeSpan.Zero, _time))
        {
            await WriteAsync(log, 'a');
            await WriteAsync(log, 'b');
            await WriteAsync(log, 'c'); // 30 bytes would not fit: rotate first
        }

        Assert.Equal(["audit-2026-11-21T10-00-03.000.log"], Backups());
        Assert.Equal("aaaaaaaaa\nbbbbbbbbb\n", await File.ReadAllTextAsync(Path.Combine(_dir, Backups()[0]), TestContext.Current.CancellationToken));
        Assert.Equal("ccccccccc\n", await File.ReadAllTextAsync(LogPath, TestContext.Current.CancellationToken));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LogPath));
        }
    }

    [Fact]
    public async Task WriteAsync_MaxBackups_KeepsOnlyTheNewest()
    {
        await using (var log = new AuditLogFile(LogPath, maxBytes: 10, maxBackups: 2, TimeSpan.Zero, _time))
        {
            foreach (var c in "abcde")
            {
                await WriteAsync(log, c); // every line after the first rotates
            }
        }

        Assert.Equal(["audit-2026-11-21T10-00-04.000.log", "audit-2026-11-21T10-00-05.000.log"], Backups());
        Assert.Equal("ccccccccc\n", await File.ReadAllTextAsync(Path.Combine(_dir, Backups()[0]), TestContext.Current.CancellationToken));
        Assert.Equal("eeeeeeeee\n", await File.ReadAllTextAsync(LogPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_MaxAge_DeletesOlderBackups_AndLeavesOtherFilesAlone()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "audit-notes.log"), "mine", TestContext.Current.CancellationToken);
        await using (var log = new AuditLogFile(LogPath, maxBytes: 10, maxBackups: 0, TimeSpan.FromDays(1), _time))
        {
            await WriteAsync(log, 'a');
            await WriteAsync(log, 'b'); // backup at 10:00:02
            _time.Now += TimeSpan.FromDays(1);
            await WriteAsync(log, 'c'); // backup a day later; the first is now more than a day old
        }

        Assert.Equal(["audit-2026-11-22T10-00-03.000.log", "audit-notes.log"], Backups());
    }

    [Fact]
    public async Task Constructor_ExistingLog_IsAppendedTo_AndCountsTowardsTheSize()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(LogPath, "old line\n", TestContext.Current.CancellationToken);

        await using (var log = new AuditLogFile(LogPath, maxBytes: 15, maxBackups: 0, TimeSpan.Zero, _time))
        {
            await WriteAsync(log, 'a');
        }

        Assert.Equal("old line\n", await File.ReadAllTextAsync(Path.Combine(_dir, Assert.Single(Backups())), TestContext.Current.CancellationToken));
        Assert.Equal("aaaaaaaaa\n", await File.ReadAllTextAsync(LogPath, TestContext.Current.CancellationToken));
    }
}
