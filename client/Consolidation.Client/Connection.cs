using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Consolidation.Domain.Files;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client;

/// <summary>The options of every command that talks to the server.</summary>
public class ServerSettings : CommandSettings
{
    public const string DefaultAddress = "http://127.0.0.1:5080";
    public const string AddressVariable = "FA_SERVER";

    [CommandOption("--server <URL>")]
    [Description("服务器地址；默认取环境变量 FA_SERVER，否则 " + DefaultAddress)]
    public string? Server { get; set; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("等待服务器应答的秒数")]
    [DefaultValue(30)]
    public int Timeout { get; set; } = 30;

    public override ValidationResult Validate()
    {
        if (Timeout <= 0) return ValidationResult.Error("--timeout 应为正整数秒");
        if (Server is not null && !IsHttpUrl(Server))
            return ValidationResult.Error($"--server “{Server}”不是 http(s) 地址 (not an http(s) URL)");
        return ValidationResult.Success();
    }

    /// <summary>--server, else FA_SERVER, else the default.</summary>
    public string ResolveAddress()
    {
        if (!string.IsNullOrWhiteSpace(Server)) return Server;
        var fromEnvironment = Environment.GetEnvironmentVariable(AddressVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment)) return DefaultAddress;
        if (!IsHttpUrl(fromEnvironment))
            throw new UsageException($"环境变量 {AddressVariable}=“{fromEnvironment}”不是 http(s) 地址 (not an http(s) URL)");
        return fromEnvironment;
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>Server options plus <c>--json</c>.</summary>
public class JsonServerSettings : ServerSettings
{
    [CommandOption("--json")]
    [Description("只输出服务器应答的 proto JSON")]
    public bool Json { get; set; }
}

/// <summary>
/// Server options plus who calls: <c>--role bureau|department</c> (default: FA_ROLE, else department) and <c>--by NAME</c>
/// (default: FA_USER, else the login name), sent as the metadata x-fa-role and x-fa-user.
/// </summary>
public class CallerSettings : JsonServerSettings
{
    public const string RoleVariable = "FA_ROLE";
    public const string UserVariable = "FA_USER";

    [CommandOption("--role <ROLE>")]
    [Description("调用身份 bureau（财政局）或 department（部门）；默认取环境变量 FA_ROLE，否则 department (caller role)")]
    public string? Role { get; set; }

    [CommandOption("--by <NAME>")]
    [Description("经办人，记入修改记录；默认取环境变量 FA_USER，否则登录名 (who makes the change)")]
    public string? By { get; set; }

    public override ValidationResult Validate()
    {
        var role = ResolveRole();
        if (role is not ("bureau" or "department"))
            return ValidationResult.Error($"--role “{role}”无效，应为 bureau 或 department");
        return base.Validate();
    }

    public string ResolveRole()
    {
        var role = !string.IsNullOrWhiteSpace(Role) ? Role : Environment.GetEnvironmentVariable(RoleVariable);
        return string.IsNullOrWhiteSpace(role) ? "department" : role.Trim().ToLowerInvariant();
    }

    public string ResolveUser() =>
        By is { Length: > 0 } by ? by
        : Environment.GetEnvironmentVariable(UserVariable) is { Length: > 0 } user ? user
        : Environment.UserName;

    public Metadata Headers() => new()
    {
        { "x-fa-role", ResolveRole() },
        // Metadata values are ASCII unless the key ends in -bin: send the name as UTF-8 percent-encoded.
        { "x-fa-user", Uri.EscapeDataString(ResolveUser()) },
    };
}

/// <summary>A mistake in how <c>fa</c> was called (exit 3).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// One channel to the server, the clients over it, and the deadline every call gets. <see cref="RunAsync"/> turns every
/// way a call can fail into a message and an exit code, so commands only deal with replies.
/// </summary>
public sealed class Connection : IDisposable
{
    private readonly TimeSpan _timeout;

    private Connection(string address, TimeSpan timeout)
    {
        Address = address;
        _timeout = timeout;
        Channel = GrpcChannel.ForAddress(address);
        Submissions = new SubmissionService.SubmissionServiceClient(Channel);
        Consolidations = new ConsolidationService.ConsolidationServiceClient(Channel);
        Glossary = new GlossaryService.GlossaryServiceClient(Channel);
        Registry = new RegistryService.RegistryServiceClient(Channel);
    }

    public string Address { get; }
    public GrpcChannel Channel { get; }
    public SubmissionService.SubmissionServiceClient Submissions { get; }
    public ConsolidationService.ConsolidationServiceClient Consolidations { get; }
    public GlossaryService.GlossaryServiceClient Glossary { get; }
    public RegistryService.RegistryServiceClient Registry { get; }

    /// <summary>The options of one call: the deadline from --timeout, cancelled with the command (Ctrl+C).</summary>
    public CallOptions Call(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow.Add(_timeout), cancellationToken: cancellationToken);

    /// <summary>The options of one call made as a caller (request metadata x-fa-role and x-fa-user).</summary>
    public CallOptions Call(CancellationToken cancellationToken, CallerSettings caller) =>
        new(headers: caller.Headers(), deadline: DateTime.UtcNow.Add(_timeout), cancellationToken: cancellationToken);

    public void Dispose() => Channel.Dispose();

    /// <summary>
    /// Runs a command's work against the server and maps failures to exit codes: a bad submission file or bad
    /// arguments 3, INVALID_ARGUMENT 3, NOT_FOUND 4, anything else (unreachable, timed out, …) 5.
    /// </summary>
    public static async Task<int> RunAsync(ServerSettings settings, Func<Connection, Task<int>> work)
    {
        string address = settings.Server ?? ServerSettings.DefaultAddress;
        try
        {
            address = settings.ResolveAddress();
            using var connection = new Connection(address, TimeSpan.FromSeconds(settings.Timeout));
            return await work(connection);
        }
        catch (SubmissionFileException e)
        {
            ErrorView.BadFile(e);
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            ErrorView.Usage(e.Message);
            return ExitCodes.BadInput;
        }
        catch (RpcException e)
        {
            return ErrorView.Rpc(e, address, settings.Timeout);
        }
        catch (OperationCanceledException)
        {
            Terminal.Error.MarkupLine("[yellow]已取消[/]");
            return ExitCodes.Failure;
        }
    }
}
