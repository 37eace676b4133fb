namespace Consolidation.Server.Application.Ports;

/// <summary>What the bureau's backup and the health check ask of the storage, whichever adapter holds the data.</summary>
public interface IStorageHealth
{
    /// <summary>A real probe (a committed write): null when the storage takes writes; else why not.</summary>
    string? Probe();

    /// <summary>Where the data is, for the log ("数据文件 …", "PostgreSQL 数据库 …"), without any secret.</summary>
    string Description { get; }
}

/// <summary>
/// The storage cannot be reached just now (a database server down or restarting, its connection lost): nothing was
/// stored by the call that got it; the same call may be made again. A refusal, not a bug: the caller gets UNAVAILABLE.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What a backup file holds.</summary>
public sealed record BackupSummary(int Collections, long Documents, int SubmissionVersions);

/// <summary>A backup that cannot be taken or restored as asked; nothing was changed.</summary>
public sealed class BackupInvalidException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A consistent backup of the running server's data (docs/backup.md).</summary>
public interface IStorageBackup
{
    /// <summary>A new path a snapshot file may be written to (beside the data: same disk).</summary>
    string NewSnapshotPath();

    /// <summary>Writes a snapshot to a new file; throws <see cref="BackupInvalidException"/> when this storage takes its backups otherwise.</summary>
    BackupSummary Snapshot(string targetPath);
}
