namespace Consolidation.Server.Storage;

/// <summary>One unit of the registry (预算单位名录) as it stands now.</summary>
public sealed class RegistryUnitDocument
{
    /// <summary>The unit's code (预算单位编码): the document id.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Parent { get; set; } = "";
    public int Type { get; set; }
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}

/// <summary>One recorded change of the registry. Never updated once inserted.</summary>
public sealed class RegistryActDocument
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Action { get; set; } = "";
    public string Code { get; set; } = "";
    public RegistryUnitDocument? Before { get; set; }
    public RegistryUnitDocument? After { get; set; }
    public string Source { get; set; } = "";
}

/// <summary>One publish or reopen act of a fiscal year. Never updated once inserted; the latest act decides the lock.</summary>
public sealed class YearLockActDocument
{
    public long Id { get; set; }
    public int FiscalYear { get; set; }
    public string Act { get; set; } = "";
    public int RunNumber { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public string Reason { get; set; } = "";
}
