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
        Console.MarkupLine($"[red]报送文件有误，未发送：[/]{Terminal.Escape(e.File)}");
        foreach (var v in e.Violations)
            Console.MarkupLine($"  [bold]{Terminal.Escape(v.Field)}[/]: {Terminal.Escape(v.Message)}");
        Console.MarkupLine($"共 {e.Violations.Count} 处问题");
    }

    public static void Usage(string message) =>
        Console.MarkupLine($"[red]参数有误：[/]{Terminal.Escape(message)}");

    /// <summary>An output file or folder that could not be written.</summary>
    public static void WriteFailed(string path, Exception e) =>
        Console.MarkupLine($"[red]无法写出 {Terminal.Escape(path)}：[/]{Terminal.Escape(ReadErrorText.Of(e))}");

    /// <summary>The thing asked for does not exist (exit 4).</summary>
    public static void NotFound(string message) =>
        Console.MarkupLine($"[yellow]未找到：[/]{Terminal.Escape(message)}");

    /// <summary>The google.rpc.ErrorInfo reason the server gives a FAILED_PRECONDITION when there is nothing to consolidate.</summary>
    public const string NothingToConsolidateReason = "NOTHING_TO_CONSOLIDATE";

    /// <summary>Prints what went wrong with a call and returns the exit code for it.</summary>
    public static int Rpc(RpcException e, string address, int timeoutSeconds)
    {
        var detail = Terminal.Escape(e.Status.Detail ?? "");
        switch (e.StatusCode)
        {
            case StatusCode.InvalidArgument:
                Console.MarkupLine($"[red]服务器拒绝了请求：[/]{detail}");
                var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
                if (badRequest is not null)
                    foreach (var v in badRequest.FieldViolations)
                        Console.MarkupLine($"  [bold]{Terminal.Escape(v.Field)}[/]: {Terminal.Escape(v.Description)}");
                return ExitCodes.BadInput;
            case StatusCode.NotFound:
                Console.MarkupLine($"[yellow]未找到：[/]{detail}");
                return ExitCodes.NotFound;
            case StatusCode.PermissionDenied:
                Console.MarkupLine($"[red]无权操作：[/]{detail}");
                return ExitCodes.Forbidden;
            case StatusCode.AlreadyExists:
                Console.MarkupLine($"[red]已存在：[/]{detail}");
                return ExitCodes.BadInput;
            case StatusCode.Unavailable when e.Status.DebugException is null && !string.IsNullOrEmpty(e.Status.Detail):
                // The server answered, and said why it cannot serve now (its database down): its words, not a connection error.
                Console.MarkupLine($"[red]服务器 {Terminal.Escape(address)} 暂时无法处理：[/]{detail}");
                return ExitCodes.Failure;
            case StatusCode.Unavailable:
                // gRPC's own text ("Error connecting to subchannel.", the socket error) is English: say why in Chinese.
                Console.MarkupLine($"[red]无法连接服务器 {Terminal.Escape(address)}：[/]{Terminal.Escape(WhyUnavailable(e))}");
                Console.MarkupLine($"  [grey]请确认服务器已启动、地址和端口无误（--server 或环境变量 {ServerSettings.AddressVariable}）[/]");
                return ExitCodes.Failure;
            case StatusCode.DeadlineExceeded:
                Console.MarkupLine($"[red]服务器 {Terminal.Escape(address)} 在 {timeoutSeconds} 秒内未应答[/]；可用 --timeout 延长");
                return ExitCodes.Failure;
            case StatusCode.Cancelled:
                Console.MarkupLine("[yellow]已取消[/]");
                return ExitCodes.Failure;
            case StatusCode.FailedPrecondition:
                Console.MarkupLine($"[red]无法执行：[/]{detail}");
                return e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason == NothingToConsolidateReason
                    ? ExitCodes.NothingToConsolidate : ExitCodes.StateRefused;
            case StatusCode.Unauthenticated:
                Console.MarkupLine($"[red]未通过身份验证：[/]{detail}");
                return ExitCodes.NotAuthenticated;
            case StatusCode.ResourceExhausted:
                Console.MarkupLine($"[red]调用过于频繁或请求过大：[/]{detail}");
                return ExitCodes.RateLimited;
            default:
                Console.MarkupLine($"[red]服务器错误 {Terminal.Escape(address)} ({e.StatusCode})：[/]{detail}");
                return ExitCodes.Failure;
        }
    }

    /// <summary>Why the server could not be reached, from the socket error under gRPC's UNAVAILABLE.</summary>
    public static string WhyUnavailable(RpcException e)
    {
        for (var x = e.Status.DebugException; x is not null; x = x.InnerException)
            if (x is System.Net.Sockets.SocketException socket)
                return socket.SocketErrorCode switch
                {
                    System.Net.Sockets.SocketError.ConnectionRefused => "连接被拒绝（该端口没有服务器在运行）",
                    System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => "找不到该主机名",
                    System.Net.Sockets.SocketError.TimedOut => "连接超时",
                    System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable => "网络不通",
                    System.Net.Sockets.SocketError.ConnectionReset => "连接被对方断开",
                    _ => $"网络错误（{socket.SocketErrorCode}）",
                };
        return e.Status.DebugException is System.Security.Authentication.AuthenticationException ? "TLS 握手失败" : "服务器不可用或连接中断";
    }

    /// <summary>
    /// Anything unexpected: one line in Chinese, no stack trace; the exception's own (English) text only when the
    /// environment variable FA_DEBUG is set.
    /// </summary>
    public static void Unexpected(Exception e)
    {
        Console.MarkupLine($"[red]出错：程序内部错误（{Terminal.Escape(e.GetType().Name)}）[/]；请把所用命令报告给维护者，设环境变量 FA_DEBUG=1 可看到详情");
        if (Environment.GetEnvironmentVariable("FA_DEBUG") is { Length: > 0 }) Console.WriteLine(e.ToString());
    }
}
