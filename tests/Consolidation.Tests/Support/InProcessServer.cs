using System.Collections.Concurrent;
using Consolidation.Contracts;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consolidation.Tests.Support;

/// <summary>
/// The server in-process (TestServer) on its own fresh LiteDB file, with clients on a real GrpcChannel. Disposing it
/// fails the test when the server logged an error, even if every call looked fine.
/// </summary>
public sealed class InProcessServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly ErrorLog _errors = new();

    public InProcessServer(string? registryCsv = null)
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
            b.ConfigureLogging(l => l.AddProvider(_errors));
        });
        Channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = _factory.Server.CreateHandler(),
            MaxSendMessageSize = null,
        });
        Submissions = new SubmissionService.SubmissionServiceClient(Channel);
        Consolidation = new ConsolidationService.ConsolidationServiceClient(Channel);
        Glossary = new GlossaryService.GlossaryServiceClient(Channel);
        Registry = new RegistryService.RegistryServiceClient(Channel);
    }

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
        Channel.Dispose();
        _factory.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        if (!_errors.Entries.IsEmpty)
            throw new Xunit.Sdk.XunitException("the server logged errors:\n" + string.Join("\n", _errors.Entries));
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
