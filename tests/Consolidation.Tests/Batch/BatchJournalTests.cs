using Consolidation.Client.Batch;

namespace Consolidation.Tests.Batch;

/// <summary>The resume journal of fa batch: request IDs survive a restart, results are remembered, a torn line is ignored.</summary>
public sealed class BatchJournalTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "fa-journal-" + Guid.NewGuid().ToString("n") + ".jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void RequestIdsAndResults_SurviveReopening_AndATornLastLineIsIgnored()
    {
        string id;
        using (var journal = BatchJournal.Open(_path))
        {
            id = journal.RequestIdOf("a.json|h1");
            journal.RecordSending([("a.json|h1", id), ("b.json|h2", "id-b")]);
            journal.RecordResult(new BatchItemResult { File = "a.json", Outcome = BatchOutcome.Accepted, RequestId = id, Version = 1, Status = "已接收" });
        }
        File.AppendAllText(_path, "{\"kind\":\"result\",\"requestId\":\"id-b\",\"res"); // killed mid-write

        using var reopened = BatchJournal.Open(_path);
        Assert.Equal(id, reopened.RequestIdOf("a.json|h1"));
        var a = reopened.ResultOf("a.json|h1");
        Assert.NotNull(a);
        Assert.True(a.FromJournal);
        Assert.Equal(1, a.Version);
        Assert.Equal("id-b", reopened.RequestIdOf("b.json|h2")); // sent, no result: resent with the same ID
        Assert.Null(reopened.ResultOf("b.json|h2"));
        Assert.NotEqual(id, reopened.RequestIdOf("a.json|h-changed")); // changed content: a new request ID
    }

    [Fact]
    public void NoJournal_RemembersNothing()
    {
        using var none = BatchJournal.Open(null);
        none.RecordSending([("a.json|h1", "x")]);
        Assert.Null(none.ResultOf("a.json|h1"));
        Assert.False(File.Exists(_path));
    }
}
