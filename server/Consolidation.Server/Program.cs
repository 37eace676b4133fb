using System.Net;
using System.Reflection;
using Consolidation.Domain.Glossary;
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
builder.Services.AddSingleton(AccountsChecker.Standard);
builder.Services.AddSingleton<Intake>();
builder.Services.AddSingleton<IdempotentIntake>();
builder.Services.AddSingleton(_ => Registry.Load(ResolvePath(options.RegistryPath)));
builder.Services.AddSingleton<ConsolidationOffice>();
builder.Services.AddSingleton(_ => LoadGlossary(ResolvePath(options.GlossarySourcePath)));

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
app.Services.GetRequiredService<Glossary>();
app.MapGrpcService<SubmissionGrpcService>();
app.MapGrpcService<ConsolidationGrpcService>();
app.MapGrpcService<GlossaryGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Data file: {Path}", app.Services.GetRequiredService<LiteDbStore>().FilePath));
app.Run();
return;

string ResolvePath(string path) =>
    string.IsNullOrWhiteSpace(path) ? "" : Path.Combine(builder.Environment.ContentRootPath, path);

static Glossary LoadGlossary(string path)
{
    const string seed = "yueyang-port-office-2023.txt";
    string text;
    string source;
    if (path.Length > 0)
    {
        text = File.ReadAllText(path);
        source = Path.GetFileName(path);
    }
    else
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(seed)
            ?? throw new InvalidOperationException($"missing embedded {seed}");
        text = new StreamReader(stream).ReadToEnd();
        source = "岳阳市人民政府口岸管理办公室 2023 年度部门决算 第四部分 名词解释";
    }
    return new Glossary(GlossaryParser.ParsePart4(text, source));
}

/// <summary>The entry point, visible to the in-process tests (WebApplicationFactory).</summary>
public partial class Program;
