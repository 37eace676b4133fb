using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using LiteDB;

namespace Consolidation.Tests.Storage;

/// <summary>The data file as <see cref="LiteDbStore"/> opens it: collections ready, indexes as the repositories need them.</summary>
public sealed class LiteDbStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fa-store").FullName;
    private string DataPath => Path.Combine(_directory, "store.litedb");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Indexes(LiteDatabase db, string collection) =>
        db.GetCollection("$indexes").Find(Query.EQ("collection", collection)).Select(d => d["name"].AsString).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void NewFile_HasTheRequestCollection_WithOnlyItsIdIndex_AndNoPlaceholderDocument()
    {
        using var store = new LiteDbStore(DataPath);
        Assert.True(store.Database.CollectionExists("submission_requests"));
        Assert.Equal(0, store.Requests.Count());
        Assert.Equal(["_id"], Indexes(store.Database, "submission_requests"));
        Assert.Equal(["DepartmentCode", "FiscalYear", "Key", "_id"], Indexes(store.Database, "submissions"));
    }

    [Fact]
    public void OlderFile_LosesTheUnreadSubmissionKeyIndex_AndKeepsItsRequests()
    {
        using (var db = new LiteDatabase(new ConnectionString { Filename = DataPath, Connection = ConnectionType.Direct }))
        {
            var requests = db.GetCollection<RequestRecord>("submission_requests");
            requests.EnsureIndex(d => d.SubmissionKey);
            requests.Insert(new RequestRecord { Id = "r-1", ContentHash = "abc", SubmissionKey = "430001/2023/1", Stored = true });
        }

        using var store = new LiteDbStore(DataPath);
        Assert.Equal(["_id"], Indexes(store.Database, "submission_requests"));
        Assert.Equal("430001/2023/1", store.Requests.FindById("r-1").SubmissionKey);
        Assert.Equal(1, store.Requests.Count());
    }
}
