using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Security;
using Consolidation.Server.Services;
using Consolidation.Server.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();

// Where and how to listen (docs/access.md): loopback by default; TLS from a certificate file; a non-loopback address
// without TLS is refused unless Consolidation:AllowPlaintextNetwork says otherwise.
IPAddress listenAddress;
X509Certificate2? certificate;
try
{
    listenAddress = Network.Address(options);
    certificate = Network.Certificate(options, listenAddress, ResolvePath);
}
catch (Network.RefusedException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("服务器未启动。");
    Environment.ExitCode = 3;
    return;
}
// gRPC needs HTTP/2; on plain http (h2c) that must be the only protocol, over TLS ALPN negotiates it.
builder.WebHost.ConfigureKestrel(k =>
{
    k.Listen(listenAddress, options.Port, l =>
    {
        l.Protocols = HttpProtocols.Http2;
        if (certificate is not null) l.UseHttps(certificate);
    });
    // Bounded streams and idle connections (docs/reliability.md): one caller cannot hold the server's resources open.
    k.Limits.Http2.MaxStreamsPerConnection = Math.Max(1, options.MaxStreamsPerConnection);
    k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(Math.Max(5, options.IdleConnectionSeconds));
    k.Limits.MaxConcurrentConnections = 10_000;
});

builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
var dataPath = Path.Combine(builder.Environment.ContentRootPath, options.DataPath);
// The storage adapter the settings name (docs/storage.md): it alone knows its database.
var storageSettings = new StorageSettings(Path.GetFullPath(dataPath), options.PostgreSqlConnection, options.FlushCommits);
IStorageAdapter storage;
try { storage = StorageAdapters.For(options.Storage); }
catch (StorageSettingException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("服务器未启动。");
    Environment.ExitCode = 3;
    return;
}
// A restore (docs/backup.md): the backup verified, then made the data, which must not exist yet.
if (options.RestoreFrom.Length > 0)
{
    try
    {
        var restored = storage.Restore(ResolvePath(options.RestoreFrom), storageSettings);
        Console.WriteLine($"已从备份 {ResolvePath(options.RestoreFrom)} 恢复数据文件 {Path.GetFullPath(dataPath)}：{restored.SubmissionVersions} 个报送版本，{restored.Documents} 条记录，均已核对。");
    }
    catch (BackupInvalidException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine("服务器未启动：未恢复，现有数据未作任何改动。");
        Environment.ExitCode = 3;
        return;
    }
}
storage.Register(builder.Services, storageSettings);
// The stored records' encoding: the contract's messages, known to the API layer alone.
builder.Services.AddSingleton<IRecordEncoding>(ContractEncoding.Instance);
builder.Services.AddSingleton<SubmissionBook>();
builder.Services.AddSingleton<ConsolidationRuns>();
// The year's identities (审核公式) are data; a bad identities file stops the server here, naming its line.
AccountsChecker checker;
try { checker = AccountsChecker.Load(ResolvePath(options.IdentitiesPath)); }
catch (Consolidation.Domain.Rules.Formulas.IdentityFileException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("服务器未启动：请改正审核公式文件（设置 Consolidation:IdentitiesPath）。");
    Environment.ExitCode = 3;
    return;
}
if (Consolidation.Domain.Templates.TemplateCatalogue.Default.Find(options.DefaultTemplate) is not { } defaultTemplate)
{
    Console.Error.WriteLine($"服务器未启动：未知的公开模板“{options.DefaultTemplate}”（设置 Consolidation:DefaultTemplate），可用：{Consolidation.Domain.Templates.TemplateCatalogue.Default.Ids}");
    Environment.ExitCode = 3;
    return;
}
checker = checker.WithDefaultTemplate(defaultTemplate);
builder.Services.AddSingleton(checker);
builder.Services.AddSingleton<RegistryGate>();
builder.Services.AddSingleton<Intake>();
builder.Services.AddSingleton<RegistryBook>();
builder.Services.AddSingleton<YearLocks>();
builder.Services.AddSingleton<IdempotentIntake>();
builder.Services.AddSingleton<ReviewDesk>();
builder.Services.AddSingleton<ConsolidationOffice>();
builder.Services.AddSingleton(_ => GlossarySources.Load(ResolvePath(options.GlossarySourcePath)));
builder.Services.AddSingleton<GlossaryOffice>();
builder.Services.AddSingleton<Credentials>();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddSingleton<DepartmentAccess>();
builder.Services.AddSingleton<BackupOffice>();

// Who may do what (docs/access.md): credentials as API keys, three policies, one on every RPC.
builder.Services.AddAuthentication(CredentialAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, CredentialAuthenticationHandler>(CredentialAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization(Policies.Add);
builder.Services.AddSingleton<IAuthorizationHandler, DepartmentDataHandler>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
// Per principal (anonymous callers: per address): a token bucket; a refused call is RESOURCE_EXHAUSTED.
builder.Services.AddRateLimiter(r =>
{
    r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
        http.User.FindFirst(CredentialAuthenticationHandler.KeyClaim)?.Value ?? "anonymous:" + http.Connection.RemoteIpAddress,
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.RateLimitBurst),
            TokensPerPeriod = Math.Max(1, options.RateLimitPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    r.OnRejected = (rejected, _) => RateLimits.Refuse(rejected.HttpContext);
});

builder.Services.AddGrpc(o =>
{
    o.MaxReceiveMessageSize = options.MaxRequestBytes;
    o.Interceptors.Add<AuditInterceptor>(); // outermost: records the status the client gets
    o.Interceptors.Add<ErrorInterceptor>();
});
// Every service's methods bound with a request parser whose failures are INVALID_ARGUMENT naming `request` (not UNKNOWN).
builder.Services.Replace(ServiceDescriptor.Singleton(typeof(Grpc.AspNetCore.Server.Model.IServiceMethodProvider<>), typeof(WireParsingMethodProvider<>)));
// Health is a real probe: a committed write to the data file (NOT_SERVING while it cannot be written, SERVING again once it can).
builder.Services.AddGrpcHealthChecks().AddCheck<StorageHealthCheck>("storage");
// SIGTERM: running calls get a few seconds to finish, then the server stops (the default would wait 30 s).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownSeconds));
builder.Services.AddGrpcReflection();

var app = builder.Build();
// Open the storage (LiteDB: take the file's lock; PostgreSQL: connect, make the tables) before accepting calls: a
// second server on the same LiteDB file, or a database that cannot be reached, fails here.
IStorageHealth storageHealth;
try { storageHealth = app.Services.GetRequiredService<IStorageHealth>(); }
catch (StorageSettingException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("服务器未启动。");
    Environment.ExitCode = 3;
    return;
}
app.Services.GetRequiredService<GlossaryOffice>();
app.Services.GetRequiredService<RegistryBook>().ImportAtStartup(ResolvePath(options.RegistryPath)); // only into an empty registry
// The first start (no credential at all): one bureau credential, written once to an owner-only file, never logged.
var initialCredentialPath = options.InitialCredentialPath.Length > 0
    ? ResolvePath(options.InitialCredentialPath)
    : Path.Combine(Path.GetDirectoryName(storageSettings.DataPath)!, "bureau-credential.txt");
if (app.Services.GetRequiredService<Credentials>().CreateFirstBureauCredential(initialCredentialPath) is { } firstKey)
    app.Logger.LogWarning("First start: the first finance-bureau credential (key {KeyId}, 90 days) was written to {Path}, readable by this user only. " +
                          "Issue personal credentials with it (fa credential issue), then revoke it and delete the file.", firstKey, initialCredentialPath);
if (certificate is null && !IPAddress.IsLoopback(listenAddress))
    app.Logger.LogWarning("Listening on {Address} WITHOUT TLS (Consolidation:AllowPlaintextNetwork=true): credentials cross the network in clear.", listenAddress);
else if (certificate is not null)
    app.Logger.LogInformation("TLS with the certificate {Subject} (expires {Expiry:yyyy-MM-dd}).", certificate.Subject, certificate.NotAfter);

app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapGrpcService<SubmissionGrpcService>();
app.MapGrpcService<ConsolidationGrpcService>();
app.MapGrpcService<GlossaryGrpcService>();
app.MapGrpcService<RegistryGrpcService>();
app.MapGrpcService<CredentialGrpcService>();
app.MapGrpcService<AuditGrpcService>();
app.MapGrpcService<ReviewGrpcService>();
app.MapGrpcService<BackupGrpcService>();
app.MapGrpcHealthChecksService().RequireAuthorization(Policies.Public);
app.MapGrpcReflectionService().RequireAuthorization(Policies.Public);
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Data file: {Path}", storageHealth.Description));
app.Run();
return;

string ResolvePath(string path) =>
    string.IsNullOrWhiteSpace(path) ? "" : Path.Combine(builder.Environment.ContentRootPath, path);

/// <summary>The entry point, visible to the in-process tests (WebApplicationFactory).</summary>
public partial class Program;
