using System.Net;
using Consolidation.Domain.Rules;
using Consolidation.Server.Application;
using Consolidation.Server.Services;
using Consolidation.Server.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();

// h2c on loopback only: gRPC needs HTTP/2, and on plain http that must be the only protocol.
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port, l => l.Protocols = HttpProtocols.Http2));

builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => new LiteDbStore(Path.Combine(builder.Environment.ContentRootPath, options.DataPath)));
builder.Services.AddSingleton<SubmissionRepository>();
builder.Services.AddSingleton<ConsolidationRunRepository>();
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
builder.Services.AddSingleton<Intake>();
builder.Services.AddSingleton<RegistryRepository>();
builder.Services.AddSingleton<RegistryBook>();
builder.Services.AddSingleton<YearLockRepository>();
builder.Services.AddSingleton<YearLocks>();
builder.Services.AddSingleton<IdempotentIntake>();
builder.Services.AddSingleton<ConsolidationOffice>();
builder.Services.AddSingleton(_ => GlossarySources.Load(ResolvePath(options.GlossarySourcePath)));
builder.Services.AddSingleton<GlossaryChangeRepository>();
builder.Services.AddSingleton<GlossaryOffice>();

builder.Services.AddGrpc(o =>
{
    o.MaxReceiveMessageSize = options.MaxRequestBytes;
    o.Interceptors.Add<ErrorInterceptor>();
});
builder.Services.AddGrpcHealthChecks().AddCheck("storage", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
builder.Services.AddGrpcReflection();

var app = builder.Build();
// Open the data file (and take its lock) before accepting calls: a second server on the same file fails here.
app.Services.GetRequiredService<LiteDbStore>();
app.Services.GetRequiredService<GlossaryOffice>();
app.Services.GetRequiredService<RegistryBook>().ImportAtStartup(ResolvePath(options.RegistryPath)); // only into an empty registry
app.MapGrpcService<SubmissionGrpcService>();
app.MapGrpcService<ConsolidationGrpcService>();
app.MapGrpcService<GlossaryGrpcService>();
app.MapGrpcService<RegistryGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Data file: {Path}", app.Services.GetRequiredService<LiteDbStore>().FilePath));
app.Run();
return;

string ResolvePath(string path) =>
    string.IsNullOrWhiteSpace(path) ? "" : Path.Combine(builder.Environment.ContentRootPath, path);

/// <summary>The entry point, visible to the in-process tests (WebApplicationFactory).</summary>
public partial class Program;
