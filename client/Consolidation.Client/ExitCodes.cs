using Consolidation.Contracts;

namespace Consolidation.Client;

/// <summary>What <c>fa</c> returns to the shell. Scripts rely on these numbers: keep them stable.</summary>
public static class ExitCodes
{
    /// <summary>已接收, or the command succeeded.</summary>
    public const int Success = 0;
    /// <summary>不通过: the accounts have 强制性 findings.</summary>
    public const int Rejected = 1;
    /// <summary>待说明: the accounts have 提示性 findings without an explanation.</summary>
    public const int PendingExplanation = 2;
    /// <summary>Bad input: an unreadable submission file, bad arguments, or the server's INVALID_ARGUMENT.</summary>
    public const int BadInput = 3;
    /// <summary>The server has no such submission, consolidation run or term (NOT_FOUND).</summary>
    public const int NotFound = 4;
    /// <summary>The server cannot be reached, did not answer in time, or any other error.</summary>
    public const int Failure = 5;
    /// <summary>The caller's role may not do this (PERMISSION_DENIED), e.g. a department changing the glossary.</summary>
    public const int Forbidden = 6;
    /// <summary>No valid credential: none given, or revoked, expired or unknown (UNAUTHENTICATED).</summary>
    public const int NotAuthenticated = 7;
    /// <summary>The state does not allow it (FAILED_PRECONDITION): the year is published (locked), or the act does not fit the state.</summary>
    public const int StateRefused = 8;
    /// <summary>Nothing to consolidate: no accepted submission in the year or scope (FAILED_PRECONDITION, NOTHING_TO_CONSOLIDATE).</summary>
    public const int NothingToConsolidate = 9;
    /// <summary>Too many calls with this credential (RESOURCE_EXHAUSTED): wait and retry.</summary>
    public const int RateLimited = 10;

    /// <summary>The exit code a check's outcome maps to.</summary>
    public static int For(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => Success,
        SubmissionStatus.Rejected => Rejected,
        SubmissionStatus.PendingExplanation => PendingExplanation,
        _ => Failure,
    };

    /// <summary>The table printed under every help page.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Documented =
    [
        (Success, "已接收 / 成功 — accepted, or the command succeeded"),
        (Rejected, "不通过 — rejected: 强制性 (mandatory) findings"),
        (PendingExplanation, "待说明 — 提示性 (advisory) findings without an explanation"),
        (BadInput, "输入有误 — bad submission file, bad arguments, or the server refused the request (INVALID_ARGUMENT)"),
        (NotFound, "未找到 — no such submission, consolidation run or term (NOT_FOUND)"),
        (Failure, "服务器不可用或其他错误 — server unavailable, timed out, or any other error"),
        (Forbidden, "无权操作 — the credential's role may not do this, e.g. a department changing the glossary (PERMISSION_DENIED)"),
        (NotAuthenticated, "未通过身份验证 — no credential, or it is revoked, expired or unknown (UNAUTHENTICATED)"),
        (StateRefused, "状态不允许 — the year is published (locked), or the act does not fit the current state (FAILED_PRECONDITION)"),
        (NothingToConsolidate, "无可汇总 — no accepted submission in the year or scope (FAILED_PRECONDITION)"),
        (RateLimited, "调用过于频繁 — the credential's rate limit; wait and retry (RESOURCE_EXHAUSTED)"),
    ];
}
