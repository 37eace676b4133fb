using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Server.Storage.PostgreSql;

namespace Consolidation.Server.Storage;

/// <summary>Where the data goes: what the chosen adapter is given from the settings.</summary>
/// <param name="DataPath">the LiteDB file (full path)</param>
/// <param name="PostgreSqlConnection">the PostgreSQL connection string</param>
/// <param name="FlushCommits">LiteDB: flush every commit to the disk before acknowledging it (ServerOptions.FlushCommits)</param>
public sealed record StorageSettings(string DataPath, string PostgreSqlConnection, bool FlushCommits = true);

/// <summary>The settings name no storage, or a storage that cannot be reached; the server does not start.</summary>
public sealed class StorageSettingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A storage adapter: implements every port of <see cref="Application.Ports"/> over one kind of database.</summary>
public interface IStorageAdapter
{
    /// <summary>Registers its implementation of every port (singletons); nothing is opened until the first one is asked for.</summary>
    void Register(IServiceCollection services, StorageSettings settings);

    /// <summary>Makes the data from a backup taken by <c>fa backup</c> (docs/backup.md), or refuses with <see cref="BackupInvalidException"/>.</summary>
    BackupSummary Restore(string backupPath, StorageSettings settings);
}

/// <summary>
/// The storage adapters by the name the setting <c>Consolidation:Storage</c> takes (case ignored). Adding an adapter is
/// a folder beside LiteDb/ and PostgreSql/ and one line here (docs/storage.md).
/// </summary>
public static class StorageAdapters
{
    public static readonly IReadOnlyDictionary<string, IStorageAdapter> ByName = new Dictionary<string, IStorageAdapter>(StringComparer.OrdinalIgnoreCase)
    {
        ["LiteDB"] = new LiteDbAdapter(),
        ["PostgreSQL"] = new PostgreSqlAdapter(),
    };

    public static IStorageAdapter For(string name) => ByName.TryGetValue(name.Trim(), out var adapter)
        ? adapter
        : throw new StorageSettingException($"未知的存储“{name}”（设置 Consolidation:Storage），可用：{string.Join("、", ByName.Keys)}");
}
