using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>The embedded default: one LiteDB file, owned by one server process (<see cref="LiteDbStore"/>).</summary>
public sealed class LiteDbAdapter : IStorageAdapter
{
    public void Register(IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(_ => new LiteDbStore(settings.DataPath, settings.FlushCommits));
        services.AddSingleton<IStorageHealth>(s => s.GetRequiredService<LiteDbStore>());
        services.AddSingleton<IStorageBackup>(s => s.GetRequiredService<LiteDbStore>());
        services.AddSingleton<ISubmissionStore, LiteDbSubmissionStore>();
        services.AddSingleton<IConsolidationRunStore>(s => new LiteDbConsolidationRunStore(s.GetRequiredService<LiteDbStore>()));
        services.AddSingleton<IRegistryStore, LiteDbRegistryStore>();
        services.AddSingleton<IYearLockStore, LiteDbYearLockStore>();
        services.AddSingleton<IReviewStore, LiteDbReviewStore>();
        services.AddSingleton<IAuditStore, LiteDbAuditStore>();
        services.AddSingleton<ICredentialStore, LiteDbCredentialStore>();
        services.AddSingleton<IGlossaryChangeStore, LiteDbGlossaryChangeStore>();
    }

    public BackupSummary Restore(string backupPath, StorageSettings settings) => LiteDbBackup.Restore(backupPath, settings.DataPath);
}
