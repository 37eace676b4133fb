using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Consolidation.Contracts;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Grpc.Net.Client;
using AccessRole = Consolidation.Server.Application.PrincipalRole;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consolidation.Tests.Support;

/// <summary>
/// The server in-process (TestServer) on its own fresh LiteDB file, with clients on a real GrpcChannel. The clients
/// call as the finance bureau, with the first bureau credential the server wrote at its first start; <see cref="As"/>
/// gives clients with any other credential (or none). Disposing it fails the test when the server logged an error,
/// even if every call looked fine.
/// </summary>
public sealed class InProcessServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly ErrorLog _errors = new();

    public InProcessServer(string? registryCsv = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "fa-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(Directory);
        DataPath = Path.Combine(Directory, "test.litedb");
        var registryPath = "";
        if (registryCsv is not null)
        {
            registryPath = Path.Combine(Directory, "registry.csv");
            File.WriteAllText(registryPath, registryCsv);
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Consolidation:DataPath", DataPath);
            b.UseSetting("Consolidation:RegistryPath", registryPath);
            b.UseSetting("Consolidation:MaxRequestBytes", (1024 * 1024).ToString());
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) b.UseSetting(key, value);
            b.ConfigureLogging(l => l.AddProvider(_errors));
        });
        _ = _factory.Server; // starts it: the first bureau credential is written now
        BureauCredential = File.ReadAllText(Path.Combine(Directory, "bureau-credential.txt")).Trim();
        Bureau = As(BureauCredential);
        Channel = Bureau.Channel;
        Submissions = Bureau.Submissions;
        Consolidation = Bureau.Consolidation;
        Glossary = Bureau.Glossary;
        Registry = Bureau.Registry;
    }

    /// <summary>The first bureau credential ("operator"), read from the file the first start wrote.</summary>
    public string BureauCredential { get; }

    public Clients Bureau { get; }

    /// <summary>Clients calling with <paramref name="credential"/> (null: anonymous) on a channel of their own.</summary>
    public Clients As(string? credential)
    {
        HttpMessageHandler handler = _factory.Server.CreateHandler();
        if (credential is not null) handler = new BearerHandler(credential) { InnerHandler = handler };
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler, MaxSendMessageSize = null });
        _channels.Enqueue(channel);
        return new Clients(channel);
    }

    /// <summary>
    /// A credential of department <paramref name="code"/> (registered first when the registry does not list it), issued
    /// through the server's own credential book; <paramref name="expiresAt"/> may lie in the past.
    /// </summary>
    public string DepartmentCredential(string code, string name = "报送员", DateTime? expiresAt = null)
    {
        var registry = Service<RegistryBook>();
        if (registry.Hierarchy().Find(code) is null) registry.Add(code, code == "431001" ? Accounts.Seed().DepartmentName : $"测试部门{code}", "", global::Consolidation.Domain.Model.UnitType.Administrative, "test");
        return Service<Credentials>().Issue($"{code} {name}", AccessRole.Department, code, 0, "test", expiresAt: expiresAt).Secret;
    }

    /// <summary>A bureau user's credential (<paramref name="expiresAt"/> may lie in the past).</summary>
    public string BureauUserCredential(string name, DateTime? expiresAt = null) =>
        Service<Credentials>().Issue(name, AccessRole.Bureau, "", 0, "test", expiresAt: expiresAt).Secret;

    /// <summary>The bureau accepts (已受理) every 待审核 latest version of the year: what a consolidation then uses.</summary>
    public void AcceptAll(int fiscalYear)
    {
        foreach (var item in Bureau.Reviews.ListReviews(new ListReviewsRequest { FiscalYear = fiscalYear, State = Contracts.ReviewState.AwaitingReview }).Items)
            Bureau.Reviews.AcceptSubmission(new ReviewActRequest { DepartmentCode = item.DepartmentCode, FiscalYear = fiscalYear, Version = item.Version });
    }

    /// <summary>The audit trail as stored, newest first.</summary>
    public IReadOnlyList<AuditRecord> Audit(string department = "", string kind = "") =>
        Service<AuditTrail>().Find(department, 0, kind, null, null, 10_000);

    private readonly ConcurrentQueue<GrpcChannel> _channels = new();

    public string Directory { get; }
    public string DataPath { get; }
    public GrpcChannel Channel { get; }
    public SubmissionService.SubmissionServiceClient Submissions { get; }
    public ConsolidationService.ConsolidationServiceClient Consolidation { get; }
    public GlossaryService.GlossaryServiceClient Glossary { get; }
    public RegistryService.RegistryServiceClient Registry { get; }

    public T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    public void Dispose()
    {
        foreach (var c in _channels) c.Dispose();
        _factory.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        if (!_errors.Entries.IsEmpty)
            throw new Xunit.Sdk.XunitException("the server logged errors:\n" + string.Join("\n", _errors.Entries));
    }

    /// <summary>The clients of one channel.</summary>
    public sealed class Clients(GrpcChannel channel)
    {
        public GrpcChannel Channel { get; } = channel;
        public SubmissionService.SubmissionServiceClient Submissions { get; } = new(channel);
        public ConsolidationService.ConsolidationServiceClient Consolidation { get; } = new(channel);
        public GlossaryService.GlossaryServiceClient Glossary { get; } = new(channel);
        public RegistryService.RegistryServiceClient Registry { get; } = new(channel);
        public CredentialService.CredentialServiceClient Credentials { get; } = new(channel);
        public AuditService.AuditServiceClient Audit { get; } = new(channel);
        public ReviewService.ReviewServiceClient Reviews { get; } = new(channel);
    }

    private sealed class BearerHandler(string credential) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) log.Entries.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
