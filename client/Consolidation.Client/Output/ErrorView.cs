using Consolidation.Domain.Files;
using Google.Rpc;
using Grpc.Core;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>Error messages, on standard error, in Chinese and English, never with a stack trace.</summary>
public static class ErrorView
{
    private static IAnsiConsole Console => Terminal.Error;

    /// <summary>A submission file that cannot be read: the file and every violation, "field: message".</summary>
    public static void BadFile(SubmissionFileException e)
    {
        Console.MarkupLine($"[red]报送文件有误，未发送 (invalid submission file, nothing sent)：[/]{Markup.Escape(e.File)}");
        foreach (var v in e.Violations)
            Console.MarkupLine($"  [bold]{Markup.Escape(v.Field)}[/]: {Markup.Escape(v.Message)}");
        Console.MarkupLine($"共 {e.Violations.Count} 处问题 ({e.Violations.Count} problem{(e.Violations.Count == 1 ? "" : "s")})");
    }

    public static void Usage(string message) =>
        Console.MarkupLine($"[red]参数有误 (bad arguments)：[/]{Markup.Escape(message)}");

    /// <summary>The google.rpc.ErrorInfo reason the server gives a FAILED_PRECONDITION when there is nothing to consolidate.</summary>
    public const string NothingToConsolidateReason = "NOTHING_TO_CONSOLIDATE";

    /// <summary>Prints what went wrong with a call and returns the exit code for it.</summary>
    public static int Rpc(RpcException e, string address, int timeoutSeconds)
    {
        var detail = Markup.Escape(e.Status.Detail ?? "");
        switch (e.StatusCode)
        {
            case StatusCode.InvalidArgument:
                Console.MarkupLine($"[red]服务器拒绝了请求 (invalid argument)：[/]{detail}");
                var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
                if (badRequest is not null)
                    foreach (var v in badRequest.FieldViolations)
                        Console.MarkupLine($"  [bold]{Markup.Escape(v.Field)}[/]: {Markup.Escape(v.Description)}");
                return ExitCodes.BadInput;
            case StatusCode.NotFound:
                Console.MarkupLine($"[yellow]未找到 (not found)：[/]{detail}");
                return ExitCodes.NotFound;
            case StatusCode.PermissionDenied:
                Console.MarkupLine($"[red]无权操作 (permission denied)：[/]{detail}");
                return ExitCodes.Forbidden;
            case StatusCode.AlreadyExists:
                Console.MarkupLine($"[red]已存在 (already exists)：[/]{detail}");
                return ExitCodes.BadInput;
            case StatusCode.Unavailable:
                Console.MarkupLine($"[red]无法连接服务器 {Markup.Escape(address)} (Unavailable)[/]");
                var cause = e.Status.DebugException?.Message;
                if (detail.Length > 0 || cause is not null)
                    Console.MarkupLine($"  [grey]{detail}{(cause is null ? "" : " " + Markup.Escape(cause))}[/]");
                return ExitCodes.Failure;
            case StatusCode.DeadlineExceeded:
                Console.MarkupLine($"[red]服务器 {Markup.Escape(address)} 在 {timeoutSeconds} 秒内未应答 (DeadlineExceeded)[/]；可用 --timeout 延长");
                return ExitCodes.Failure;
            case StatusCode.Cancelled:
                Console.MarkupLine("[yellow]已取消 (cancelled)[/]");
                return ExitCodes.Failure;
            case StatusCode.FailedPrecondition:
                Console.MarkupLine($"[red]无法执行 (failed precondition)：[/]{detail}");
                return e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == NothingToConsolidateReason
                    ? ExitCodes.NothingToConsolidate : ExitCodes.StateRefused;
            case StatusCode.Unauthenticated:
                Console.MarkupLine($"[red]未通过身份验证 (unauthenticated)：[/]{detail}");
                return ExitCodes.NotAuthenticated;
            case StatusCode.ResourceExhausted:
                Console.MarkupLine($"[red]调用过于频繁或请求过大 (resource exhausted)：[/]{detail}");
                return ExitCodes.RateLimited;
            default:
                Console.MarkupLine($"[red]服务器错误 {Markup.Escape(address)} ({e.StatusCode})：[/]{detail}");
                return ExitCodes.Failure;
        }
    }

    /// <summary>Anything unexpected: one line, no stack trace.</summary>
    public static void Unexpected(Exception e) =>
        Console.MarkupLine($"[red]出错 (error)：[/]{Markup.Escape(e.GetType().Name)}: {Markup.Escape(e.Message)}");
}
