namespace Consolidation.Server.Storage;

/// <summary>One stored version of a department's accounts. Never updated once inserted.</summary>
public sealed class SubmissionDocument
{
    public long Id { get; set; }
    /// <summary>"{code}/{year}/{version}", unique: two writers can never store the same version.</summary>
    public string Key { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string DepartmentName { get; set; } = "";
    public int FiscalYear { get; set; }
    public int Version { get; set; }
    public int Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public int MandatoryCount { get; set; }
    public int AdvisoryCount { get; set; }
    public int UnexplainedCount { get; set; }
    /// <summary>The accounts as the contract's FinalAccounts message, serialized.</summary>
    public byte[] Accounts { get; set; } = [];
    /// <summary>The findings as the contract's ValidateReply message, serialized.</summary>
    public byte[] Findings { get; set; } = [];
}

/// <summary>One consolidation run: an immutable snapshot of the disclosure it produced.</summary>
public sealed class ConsolidationRunDocument
{
    public long Id { get; set; }
    /// <summary>"{year}/{run}", unique.</summary>
    public string Key { get; set; } = "";
    public int FiscalYear { get; set; }
    public int RunNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The department code the run consolidates; empty for the city.</summary>
    public string Scope { get; set; } = "";
    /// <summary>The contract's ConsolidatedDisclosure message, serialized.</summary>
    public byte[] Disclosure { get; set; } = [];
}
