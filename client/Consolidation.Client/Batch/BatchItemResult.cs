namespace Consolidation.Client.Batch;

/// <summary>What became of one input of a batch, as the report and the result table show it.</summary>
public enum BatchOutcome
{
    /// <summary>Stored as a new version, 已接收.</summary>
    Accepted,
    /// <summary>Stored as a new version, 待说明.</summary>
    PendingExplanation,
    /// <summary>Stored as a new version, 不通过 (强制性 findings).</summary>
    Rejected,
    /// <summary>Same content as the department's latest version: nothing stored (Status says that version's status).</summary>
    Unchanged,
    /// <summary>The file could not be read, or the server found the accounts malformed: nothing stored.</summary>
    Malformed,
    /// <summary>The server refused the request ID (used before for other content): nothing stored.</summary>
    Refused,
    /// <summary>
    /// The same department and year as another input of this batch (e.g. its JSON, workbook and CSV forms): not sent;
    /// the reason names the input that was, and says whether the content differs (<see cref="BatchItemResult.DiffersFromSent"/>).
    /// </summary>
    Duplicate,
    /// <summary>No answer: the server was unavailable or timed out after every retry, or another error.</summary>
    Failed,
}

/// <summary>One input's result: where it came from, the server's answer, and why when nothing was stored.</summary>
public sealed record BatchItemResult
{
    public required string File { get; init; }
    public required BatchOutcome Outcome { get; init; }
    public string RequestId { get; init; } = "";
    public string DepartmentCode { get; init; } = "";
    public string DepartmentName { get; init; } = "";
    public int FiscalYear { get; init; }
    /// <summary>The version stored (or, unchanged, the existing one); 0 when none.</summary>
    public int Version { get; init; }
    /// <summary>That version's status: 已接收 / 待说明 / 不通过; empty when none.</summary>
    public string Status { get; init; } = "";
    public int MandatoryCount { get; init; }
    public int AdvisoryCount { get; init; }
    /// <summary>A retry the server recognised by its request ID (nothing new stored).</summary>
    public bool Replayed { get; init; }
    /// <summary>Taken from the journal of an earlier run: not sent again.</summary>
    public bool FromJournal { get; init; }
    /// <summary>Why nothing was stored, or the first findings: one line a clerk can act on.</summary>
    public string Reason { get; init; } = "";
    public IReadOnlyList<string> Details { get; init; } = [];
    /// <summary>A <see cref="BatchOutcome.Duplicate"/> whose accounts differ from those sent for the department and year.</summary>
    public bool DiffersFromSent { get; init; }
}

/// <summary>The Chinese name of each outcome, as the result table and the report print it.</summary>
public static class BatchOutcomes
{
    public static string Name(this BatchOutcome outcome) => outcome switch
    {
        BatchOutcome.Accepted => "已接收",
        BatchOutcome.PendingExplanation => "待说明",
        BatchOutcome.Rejected => "不通过",
        BatchOutcome.Unchanged => "未变",
        BatchOutcome.Malformed => "格式有误",
        BatchOutcome.Refused => "被拒绝",
        BatchOutcome.Duplicate => "重复",
        _ => "失败",
    };
}
