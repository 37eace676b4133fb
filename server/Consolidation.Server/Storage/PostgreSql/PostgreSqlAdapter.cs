using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Storage.PostgreSql;

/// <summary>A PostgreSQL database server (<see cref="PostgreSqlDatabase"/>): what a bureau runs for concurrent readers, its own backups and replication.</summary>
public sealed class PostgreSqlAdapter : IStorageAdapter
{
    public void Register(IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(_ => new PostgreSqlDatabase(settings.PostgreSqlConnection));
        services.AddSingleton<IStorageHealth>(s => s.GetRequiredService<PostgreSqlDatabase>());
        services.AddSingleton<IStorageBackup>(s => s.GetRequiredService<PostgreSqlDatabase>());
        services.AddSingleton<ISubmissionStore, PostgreSqlSubmissionStore>();
        services.AddSingleton<IConsolidationRunStore, PostgreSqlConsolidationRunStore>();
        services.AddSingleton<IRegistryStore, PostgreSqlRegistryStore>();
        services.AddSingleton<IYearLockStore, PostgreSqlYearLockStore>();
        services.AddSingleton<IReviewStore, PostgreSqlReviewStore>();
        services.AddSingleton<IAuditStore, PostgreSqlAuditStore>();
        services.AddSingleton<ICredentialStore, PostgreSqlCredentialStore>();
        services.AddSingleton<IGlossaryChangeStore, PostgreSqlGlossaryChangeStore>();
    }

    public BackupSummary Restore(string backupPath, StorageSettings settings) => throw new BackupInvalidException(
        $"备份 {backupPath} 是 LiteDB 数据文件，不能恢复到 PostgreSQL：PostgreSQL 的数据请用 pg_dump 备份、pg_restore 恢复（docs/storage.md）");
}
