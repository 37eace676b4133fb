using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Consolidation.Domain.Files;
using Grpc.Core;
using Grpc.Net.Client;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client;

/// <summary>The options of every command that talks to the server.</summary>
public class ServerSettings : CommandSettings
{
    public const string DefaultAddress = "http://127.0.0.1:5080";
    public const string AddressVariable = "FA_SERVER";
    public const string CredentialVariable = "FA_CREDENTIAL";
    public const string CredentialFileVariable = "FA_CREDENTIAL_FILE";
    public const string CaFileVariable = "FA_CA_FILE";

    [CommandOption("--server <URL>")]
    [Description("服务器地址；默认取环境变量 FA_SERVER，否则 " + DefaultAddress)]
    public string? Server { get; set; }

    [CommandOption("--credential-file <PATH>")]
    [Description("凭据文件（财政局签发的凭据）；默认取环境变量 FA_CREDENTIAL，否则 FA_CREDENTIAL_FILE 指向的文件。凭据本身不能写在命令行上")]
    public string? CredentialFile { get; set; }

    [CommandOption("--ca-file <PATH>")]
    [Description("信任的 CA 证书（PEM），用于使用私有证书的 HTTPS 服务器；默认取环境变量 FA_CA_FILE")]
    public string? CaFile { get; set; }

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

    /// <summary>
    /// The credential: --credential-file, else FA_CREDENTIAL, else the file FA_CREDENTIAL_FILE names; null = anonymous.
    /// Never an argument of its own (a command line shows in ps).
    /// </summary>
    public string? ResolveCredential()
    {
        var file = !string.IsNullOrWhiteSpace(CredentialFile) ? CredentialFile : null;
        if (file is null && Environment.GetEnvironmentVariable(CredentialVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment.Trim();
        file ??= Environment.GetEnvironmentVariable(CredentialFileVariable) is { Length: > 0 } f ? f : null;
        if (file is null) return null;
        try
        {
            var text = File.ReadAllText(file).Trim();
            if (text.Length == 0) throw new UsageException($"凭据文件 {file} 是空的 (the credential file is empty)");
            return text;
        }
        catch (IOException e) { throw new UsageException($"读不出凭据文件 {file}：{e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new UsageException($"无权读取凭据文件 {file}：{e.Message}"); }
    }

    /// <summary>--ca-file, else FA_CA_FILE; null = the system's trusted roots.</summary>
    public string? ResolveCaFile() =>
        !string.IsNullOrWhiteSpace(CaFile) ? CaFile
        : Environment.GetEnvironmentVariable(CaFileVariable) is { Length: > 0 } f ? f : null;

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
/// The options of a command that changes something. Who acted is the authenticated principal (the credential), recorded
/// by the server: there is no --by or --role.
/// </summary>
public class CallerSettings : JsonServerSettings;

/// <summary>A mistake in how <c>fa</c> was called (exit 3).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// One channel to the server, the clients over it, and the deadline every call gets. <see cref="RunAsync"/> turns every
/// way a call can fail into a message and an exit code, so commands only deal with replies.
/// </summary>
public sealed class Connection : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly Metadata? _headers;

    /// <summary>
    /// The largest reply <c>fa</c> takes: a province-scale disclosure (100,000 units: coverage, included versions,
    /// headlines) is tens of MiB, beyond gRPC's default of 4 MiB; the caller trusts its own server.
    /// </summary>
    public const int MaxReplyBytes = 512 * 1024 * 1024;

    private Connection(string address, TimeSpan timeout, string? credential, string? caFile)
    {
        Address = address;
        _timeout = timeout;
        if (credential is not null) _headers = new Metadata { { "authorization", "Bearer " + credential } };
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = Handler(caFile), MaxReceiveMessageSize = MaxReplyBytes });
        Submissions = new SubmissionService.SubmissionServiceClient(Channel);
        Consolidations = new ConsolidationService.ConsolidationServiceClient(Channel);
        Glossary = new GlossaryService.GlossaryServiceClient(Channel);
        Registry = new RegistryService.RegistryServiceClient(Channel);
        Credentials = new CredentialService.CredentialServiceClient(Channel);
        Audit = new AuditService.AuditServiceClient(Channel);
        Reviews = new ReviewService.ReviewServiceClient(Channel);
        Backups = new BackupService.BackupServiceClient(Channel);
    }

    /// <summary>The HTTP handler: with a CA file, a server certificate is trusted when it chains to that CA (and names the host).</summary>
    private static SocketsHttpHandler Handler(string? caFile)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (caFile is null) return handler;
        X509Certificate2Collection roots = [];
        try { roots.ImportFromPemFile(caFile); }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new UsageException($"读不出 CA 证书文件 {caFile}：{e.Message}");
        }
        if (roots.Count == 0) throw new UsageException($"CA 证书文件 {caFile} 中没有证书 (no certificate in the CA file)");
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null) return false;
            if (errors == SslPolicyErrors.None) return true;
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        return handler;
    }

    public string Address { get; }
    public GrpcChannel Channel { get; }
    public SubmissionService.SubmissionServiceClient Submissions { get; }
    public ConsolidationService.ConsolidationServiceClient Consolidations { get; }
    public GlossaryService.GlossaryServiceClient Glossary { get; }
    public RegistryService.RegistryServiceClient Registry { get; }
    public CredentialService.CredentialServiceClient Credentials { get; }
    /// <summary>The credential header every call carries (null: anonymous).</summary>
    public Metadata? Headers => _headers;
    public AuditService.AuditServiceClient Audit { get; }
    public ReviewService.ReviewServiceClient Reviews { get; }
    public BackupService.BackupServiceClient Backups { get; }

    /// <summary>The options of one call: the credential, the deadline from --timeout, cancelled with the command (Ctrl+C).</summary>
    public CallOptions Call(CancellationToken cancellationToken) =>
        new(headers: _headers, deadline: DateTime.UtcNow.Add(_timeout), cancellationToken: cancellationToken);

    /// <summary>As <see cref="Call(CancellationToken)"/>, without a deadline (a long stream).</summary>
    public CallOptions Stream(CancellationToken cancellationToken) => new(headers: _headers, cancellationToken: cancellationToken);

    public void Dispose() => Channel.Dispose();

    /// <summary>
    /// Runs a command's work against the server and maps failures to exit codes: a bad submission file or bad
    /// arguments 3, INVALID_ARGUMENT 3, NOT_FOUND 4, PERMISSION_DENIED 6, UNAUTHENTICATED 7, FAILED_PRECONDITION 8 (nothing to
    /// consolidate 9), RESOURCE_EXHAUSTED 10, anything else (unreachable, timed out, …) 5 (<see cref="ExitCodes"/>).
    /// </summary>
    public static async Task<int> RunAsync(ServerSettings settings, Func<Connection, Task<int>> work)
    {
        string address = settings.Server ?? ServerSettings.DefaultAddress;
        try
        {
            address = settings.ResolveAddress();
            using var connection = new Connection(address, TimeSpan.FromSeconds(settings.Timeout), settings.ResolveCredential(), settings.ResolveCaFile());
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
