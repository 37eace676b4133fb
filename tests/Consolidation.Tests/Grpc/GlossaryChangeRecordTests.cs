using Consolidation.Domain.Glossary;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consolidation.Tests.Grpc;

/// <summary>The change record in LiteDB: kept across restarts and replayed onto the starting glossary.</summary>
public sealed class GlossaryChangeRecordTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fa-glossary-record").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private GlossaryOffice Open(LiteDbStore store) =>
        new(GlossarySources.Load(""), new LiteDbGlossaryChangeStore(store), TimeProvider.System, NullLogger<GlossaryOffice>.Instance);

    [Fact]
    public void Changes_SurviveARestart_AndAreReplayedInOrder()
    {
        var path = Path.Combine(_directory, "g.litedb");
        using (var store = new LiteDbStore(path))
        {
            var office = Open(store);
            office.Change(ChangeKind.Correct, "基本支出", 2024, "第一次更正。", "", "李四", "");
            office.Change(ChangeKind.Correct, "基本支出", 2024, "第二次更正。", "", "李四", "再改");
            office.Change(ChangeKind.Add, "政府购买服务", 2025, "指……", "支出", "王五", "");
        }
        using (var store = new LiteDbStore(path))
        {
            var office = Open(store);
            Assert.Equal("第二次更正。", office.Current.Define("基本支出", 2024)!.Definition);
            Assert.Equal("支出", office.Current.Define("政府购买服务")!.Category);
            var (term, changes) = office.History("基本支出")!.Value;
            Assert.Equal("基本支出", term);
            Assert.Equal(["第一次更正。", "第二次更正。"], changes.Select(c => c.Change.NewDefinition));
            Assert.Equal("第一次更正。", changes[1].Change.OldDefinition);
            Assert.True(changes[0].Id < changes[1].Id);
            Assert.Equal(DateTimeKind.Utc, changes[0].Change.At.Kind);
        }
    }

    [Fact]
    public void RefusedChange_IsNotRecorded()
    {
        using var store = new LiteDbStore(Path.Combine(_directory, "g.litedb"));
        var office = Open(store);
        Assert.Throws<GlossaryEditException>(() => office.Change(ChangeKind.Add, "基本支出", 2024, "x", "", "李四", ""));
        Assert.Empty(new LiteDbGlossaryChangeStore(store).All());
        Assert.Null(office.History("不存在的名词"));
    }
}
