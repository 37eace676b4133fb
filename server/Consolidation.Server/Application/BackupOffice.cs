using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>
/// 备份 of the running server for the finance bureau: a consistent snapshot of the data written beside it (same
/// disk, so no space on another is assumed), handed to the caller as a stream and deleted when the stream is closed.
/// </summary>
public sealed class BackupOffice(IStorageBackup storage)
{
    /// <summary>A snapshot on disk; disposing it deletes the file.</summary>
    public sealed class Snapshot(string path, BackupSummary summary) : IDisposable
    {
        public string Path { get; } = path;
        public BackupSummary Summary { get; } = summary;

        public void Dispose()
        {
            try { File.Delete(Path); } catch (IOException) { } // a leftover .backup-* file beside the data is harmless
        }
    }

    /// <summary>Takes the snapshot (synchronously: the storage's read transaction may belong to the calling thread).</summary>
    public Snapshot Take()
    {
        var path = storage.NewSnapshotPath();
        try
        {
            return new Snapshot(path, storage.Snapshot(path));
        }
        catch
        {
            try { File.Delete(path); } catch (IOException) { }
            throw;
        }
    }
}
