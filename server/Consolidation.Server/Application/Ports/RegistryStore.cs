namespace Consolidation.Server.Application.Ports;

/// <summary>One unit of the registry (预算单位名录) as it stands now.</summary>
public sealed class RegistryUnitRecord
{
    /// <summary>The unit's code (预算单位编码).</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Parent { get; set; } = "";
    public int Type { get; set; }
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}

/// <summary>One recorded change of the registry. Never updated once inserted.</summary>
public sealed class RegistryActRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Action { get; set; } = "";
    public string Code { get; set; } = "";
    public RegistryUnitRecord? Before { get; set; }
    public RegistryUnitRecord? After { get; set; }
    public string Source { get; set; } = "";
}

/// <summary>The registry's units and the append-only record of every change to them.</summary>
public interface IRegistryStore
{
    /// <summary>Every unit, by code (ordinal).</summary>
    IReadOnlyList<RegistryUnitRecord> All();
    RegistryUnitRecord? Find(string code);
    bool IsEmpty { get; }
    /// <summary>Writes the units and one act per change, all or nothing.</summary>
    void Write(IReadOnlyList<(RegistryUnitRecord? Before, RegistryUnitRecord After, string Action)> changes, string by, DateTime at, string source);
    /// <summary>The acts of a unit (every unit's when the code is empty), oldest first.</summary>
    IReadOnlyList<RegistryActRecord> Acts(string code);
}
