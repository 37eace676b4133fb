using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Glossary;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Server.Application;
using Consolidation.Server.Services;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage;
using Consolidation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Tests.Storage;

/// <summary>
/// What every storage adapter must do, asserted the same way on each (a subclass per adapter, through the adapter's own
/// registration, as the server opens it): versions append-only, idempotent requests, heads, rollbacks that leave nothing,
/// concurrent writers that never share a version or a run, year locks and the other append-only records, all surviving
/// a reopen (a server restart).
/// </summary>
public abstract class StorageContractTests : IDisposable
{
    private ServiceProvider? _services;
    private readonly Lock _opening = new();

    /// <summary>The adapter under test and the settings that point it at a fresh, empty storage.</summary>
    protected abstract (IStorageAdapter Adapter, StorageSettings Settings) Storage { get; }

    /// <summary>Opened on first use — by one thread only, though a test's first use may come from several at once.</summary>
    private ServiceProvider Services
    {
        get
        {
            lock (_opening) return _services ??= Open();
        }
    }

    private ServiceProvider Open()
    {
        var services = new ServiceCollection();
        Storage.Adapter.Register(services, Storage.Settings);
        return services.BuildServiceProvider();
    }

    /// <summary>Closes the storage and opens it again, as a restarted server does.</summary>
    protected void Reopen()
    {
        lock (_opening)
        {
            _services?.Dispose();
            _services = Open();
        }
    }

    public virtual void Dispose() => _services?.Dispose();

    private T Port<T>() where T : notnull => Services.GetRequiredService<T>();
    private SubmissionBook Book => new(Port<ISubmissionStore>(), ContractEncoding.Instance);

    private static PreparedSubmission Prepared(FinalAccounts accounts, string? requestId = null)
    {
        var encoded = ContractEncoding.Instance.EncodeAccounts(accounts);
        return new PreparedSubmission(requestId ?? Guid.NewGuid().ToString("n"), accounts, encoded.Bytes, encoded.ContentHash, "测试", null);
    }

    private static CheckResult Check(PreparedSubmission p) => AccountsChecker.Standard.Check(p.Accounts);

    private static readonly DateTime At = new(2026, 3, 31, 8, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public void Versions_AreAppendOnly_NumberedPerDepartmentAndYear_AndSurviveAReopen()
    {
        var first = Accounts.Seed();
        var second = Accounts.Consistent();
        var decided = Book.StoreRequests([Prepared(first), Prepared(second)], Check, At);
        Assert.Equal([1, 2], decided.Select(d => d.Submission!.Version));
        Reopen();
        var versions = Book.Versions(first.DepartmentCode, first.FiscalYear);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([Prepared(first).ContentHash, Prepared(second).ContentHash], versions.Select(v => v.ContentHash));
        // The stored bytes are the accounts: read back, they hash to what was stored.
        Assert.All(versions, v => Assert.Equal(v.ContentHash, ContentDigest.Hex(ContentDigest.CanonicalBytes(v.LoadAccounts()))));
        Assert.Equal(At, versions[0].ReceivedAt);
        Assert.Equal(DateTimeKind.Utc, versions[0].ReceivedAt.Kind);
        Assert.Equal(decided[0].Submission!.LoadFindings().Select(f => (f.RuleId, f.Message)), versions[0].LoadFindings().Select(f => (f.RuleId, f.Message)));
        Assert.Equal(2, Book.Count());
        Assert.Empty(Book.Versions(first.DepartmentCode, first.FiscalYear + 1));
        Assert.Equal(2, Book.Versions(first.DepartmentCode, 0).Count);
    }

    [Fact]
    public void RequestIds_AreIdempotent_IgnoringCase_AndConflictsStoreNothing_AcrossAReopen()
    {
        var accounts = Accounts.Consistent();
        var other = Accounts.Seed();
        Book.StoreRequests([Prepared(accounts, "req-a")], Check, At);
        var decided = Book.StoreRequests([Prepared(accounts, "REQ-A"), Prepared(other, "Req-A"), Prepared(accounts, "req-b")], Check, At);
        Assert.Equal([(RequestDecisionKind.Stored, true), (RequestDecisionKind.Conflict, false), (RequestDecisionKind.Unchanged, false)],
            decided.Select(d => (d.Kind, d.Replayed)));
        Reopen();
        var hash = Prepared(accounts).ContentHash;
        Assert.Equal((RequestDecisionKind.Stored, true), Kind(Book.Anticipate("req-A", accounts.DepartmentCode, accounts.FiscalYear, hash)));
        Assert.Equal((RequestDecisionKind.Unchanged, true), Kind(Book.Anticipate("req-b", accounts.DepartmentCode, accounts.FiscalYear, hash)));
        Assert.Equal((RequestDecisionKind.Unchanged, false), Kind(Book.Anticipate("req-new", accounts.DepartmentCode, accounts.FiscalYear, hash)));
        Assert.Null(Book.Anticipate("req-new", other.DepartmentCode, other.FiscalYear, Prepared(other).ContentHash));
        var replay = Book.StoreRequests([Prepared(accounts, "req-a")], Check, At.AddDays(1))[0];
        Assert.Equal(At, replay.Submission!.ReceivedAt); // the original reply, not a new one
        Assert.Equal(1, Book.Count());
    }

    [Fact]
    public void Heads_GiveTheLatestAndTheLatestAcceptedVersion_AndFilingsAgree()
    {
        var accepted = Accounts.Consistent();
        var rejected = Accounts.Seed();
        var otherDepartment = Accounts.Consistent() with { DepartmentCode = "432001", DepartmentName = "岳阳市另一单位" };
        var decided = Book.StoreRequests([Prepared(accepted), Prepared(rejected), Prepared(otherDepartment)], Check, At);
        Assert.Equal([SubmissionStatus.Accepted, SubmissionStatus.Rejected], decided.Take(2).Select(d => d.Submission!.Status));
        Reopen();
        var head = Port<ISubmissionStore>().Head(accepted.DepartmentCode, accepted.FiscalYear)!;
        Assert.Equal((2, 1), (head.Version, head.AcceptedVersion));
        Assert.Equal(SubmissionRecordKey(accepted, 1), head.AcceptedKey);
        Assert.Null(Port<ISubmissionStore>().Head(accepted.DepartmentCode, accepted.FiscalYear + 1));
        Assert.Equal(1, Book.LatestAccepted(accepted.DepartmentCode, accepted.FiscalYear)!.Version);
        Assert.Equal([(accepted.DepartmentCode, 1), ("432001", 1)], Book.LatestAccepted(accepted.FiscalYear).Select(s => (s.DepartmentCode, s.Version)));
        Assert.Equal([(accepted.DepartmentCode, 2, SubmissionStatus.Rejected, 1), ("432001", 1, SubmissionStatus.Accepted, 1)],
            Book.Filings(accepted.FiscalYear).OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => (f.Code, f.LatestVersion, f.LatestStatus, f.AcceptedVersion)));
        Assert.Equal(2, Book.Get(accepted.DepartmentCode, accepted.FiscalYear, 0)!.Version);
        Assert.Null(Book.Get(accepted.DepartmentCode, accepted.FiscalYear, 3));
    }

    private static string SubmissionRecordKey(FinalAccounts a, int version) => VersionRecord.KeyOf(a.DepartmentCode, a.FiscalYear, version);

    [Fact]
    public void AFailedWrite_RollsBackEverything_AndTheNextWriteWorks()
    {
        var accounts = Accounts.Consistent();
        var failing = Prepared(Accounts.Seed());
        Assert.Throws<InvalidOperationException>(() => Book.StoreRequests([Prepared(accounts, "rolled-back"), failing],
            p => p == failing ? throw new InvalidOperationException("审核中断") : Check(p), At));
        Assert.Equal(0, Book.Count());
        Assert.Null(Port<ISubmissionStore>().Head(accounts.DepartmentCode, accounts.FiscalYear));
        Assert.Null(Port<ISubmissionStore>().Request("rolled-back"));
        // A second version of one key is refused by the store itself (unique keys), and rolls back too.
        Assert.ThrowsAny<Exception>(() => Port<ISubmissionStore>().Write(tx =>
        {
            var record = new VersionRecord { Key = "x/1/1", DepartmentCode = "x", FiscalYear = 1, Version = 1, ReceivedAt = At, ContentHash = "h" };
            tx.Insert(record);
            tx.Insert(new VersionRecord { Key = "x/1/1", DepartmentCode = "x", FiscalYear = 1, Version = 1, ReceivedAt = At, ContentHash = "h" });
            return 0;
        }));
        Assert.Equal(0, Book.Count());
        var retried = Book.StoreRequests([Prepared(accounts, "rolled-back")], Check, At)[0];
        Assert.Equal((RequestDecisionKind.Stored, false, 1), (retried.Kind, retried.Replayed, retried.Submission!.Version));
        Assert.Null(Port<IStorageHealth>().Probe());
    }

    [Fact]
    public void ConcurrentWriters_NeverShareAVersion_AndOneRequestIdStoresOnce()
    {
        var baseline = Accounts.Consistent();
        // 8 writers, each its own content for the same department and year: 8 versions, 1…8.
        var distinct = Enumerable.Range(1, 8).Select(i => Prepared(baseline with { DepartmentName = $"岳阳市测试单位{i}" })).ToList();
        Parallel.ForEach(distinct, new ParallelOptions { MaxDegreeOfParallelism = 8 }, p => Book.StoreRequests([p], Check, At));
        Assert.Equal(Enumerable.Range(1, 8), Book.Versions(baseline.DepartmentCode, baseline.FiscalYear).Select(v => v.Version));
        // 8 retries of one request ID at once: one version stored, seven replays of it.
        var retry = Prepared(baseline, "same-request");
        var decisions = new System.Collections.Concurrent.ConcurrentBag<RequestDecision>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => decisions.Add(Book.StoreRequests([retry], Check, At)[0]));
        Assert.Equal(9, Book.Count());
        Assert.Single(decisions, d => !d.Replayed);
        Assert.All(decisions, d => Assert.Equal((RequestDecisionKind.Stored, 9), (d.Kind, d.Submission!.Version)));
    }

    [Fact]
    public void VersionsAreRead_ManyByKey_AndOneAtATimeInCodeOrder_AsAConsolidationReadsThem()
    {
        var departments = Enumerable.Range(0, 150)
            .Select(i => Accounts.Consistent() with { DepartmentCode = $"{439149 - i}", DepartmentName = $"单位{i}" }).ToList();
        Book.StoreRequests(departments.Select(a => Prepared(a)).ToList(), Check, At);
        Reopen();
        var store = Port<ISubmissionStore>();
        var keys = departments.Take(70).Select(a => VersionRecord.KeyOf(a.DepartmentCode, a.FiscalYear, 1)).Append("439999/2023/1").ToList();
        var found = store.VersionsByKey(keys);
        Assert.Equal(keys.Take(70).Order(StringComparer.Ordinal), found.Select(v => v.Key).Order(StringComparer.Ordinal));
        Assert.All(found, v => Assert.Equal(v.ContentHash, ContractEncoding.Instance.EncodeAccounts(ContractEncoding.Instance.DecodeAccounts(v.Accounts)).ContentHash));
        Assert.Empty(store.VersionsByKey([]));
        // What a consolidation reads: every listed version (over several store calls), in code order, a missing one skipped.
        var year = departments[0].FiscalYear;
        var read = Book.Read(year, departments.Select(a => (a.DepartmentCode, 1)).Append(("439999", 1))).Select(s => s.DepartmentCode).ToList();
        Assert.Equal(departments.Select(a => a.DepartmentCode).Order(StringComparer.Ordinal), read);
    }

    [Fact]
    public void ConsolidationRuns_AreNumberedPerYear_WithoutGaps_AndReadByScope()
    {
        var runs = Port<IConsolidationRunStore>();
        var numbers = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
            numbers.Add(runs.Add(2023, i % 2 == 0 ? "" : "430001", At, run => [(byte)run, (byte)i]).RunNumber));
        Assert.Equal(Enumerable.Range(1, 6), numbers.Order());
        Assert.Equal(1, runs.Add(2024, "", At, run => [(byte)run]).RunNumber);
        Reopen();
        runs = Port<IConsolidationRunStore>();
        Assert.Equal(3, runs.Get(2023, 3)!.Disclosure[0]);
        Assert.Equal(6, runs.Get(2023, 0)!.RunNumber);
        var city = runs.Get(2023, 0, "")!;
        Assert.Equal("", city.Scope);
        Assert.Equal(At, city.CreatedAt);
        Assert.Equal("430001", runs.Get(2023, 0, "430001")!.Scope);
        Assert.Null(runs.Get(2023, 7));
        Assert.Null(runs.Get(2022, 0));
    }

    [Fact]
    public void ALargeRun_BeyondLiteDbsDocumentLimit_IsStoredWhole_AndReadBackByteForByte()
    {
        // A province-scale disclosure is tens of MiB: more than the 16 MiB a LiteDB document may hold (issue 15).
        var large = new byte[40 * 1024 * 1024 + 17];
        new Random(15).NextBytes(large);
        var runs = Port<IConsolidationRunStore>();
        runs.Add(2023, "", At, run => [(byte)run]);
        Assert.Equal(2, runs.Add(2023, "", At, _ => large).RunNumber);
        runs.Add(2023, "430001", At, run => [(byte)run]);
        Reopen();
        runs = Port<IConsolidationRunStore>();
        Assert.Equal(large, runs.Get(2023, 2)!.Disclosure);
        Assert.Equal(large, runs.Get(2023, 0, "")!.Disclosure); // the latest of the city
        Assert.Equal([3], runs.Get(2023, 0)!.Disclosure);
        Assert.Equal([1], runs.Get(2023, 1)!.Disclosure);
        Assert.Equal(4, runs.Add(2023, "", At, run => [(byte)run]).RunNumber);
    }

    [Fact]
    public void YearLockActs_AreAppendOnly_InOrder_PerYear()
    {
        var locks = Port<IYearLockStore>();
        locks.Add(new YearLockActRecord { FiscalYear = 2023, Act = "publish", RunNumber = 2, By = "财政局", At = At });
        locks.Add(new YearLockActRecord { FiscalYear = 2024, Act = "publish", RunNumber = 1, By = "财政局", At = At });
        locks.Add(new YearLockActRecord { FiscalYear = 2023, Act = "reopen", RunNumber = 2, By = "财政局", At = At.AddMinutes(1), Reason = "更正" });
        Reopen();
        var acts = Port<IYearLockStore>().Acts(2023);
        Assert.Equal([("publish", 2, ""), ("reopen", 2, "更正")], acts.Select(a => (a.Act, a.RunNumber, a.Reason)));
        Assert.Equal(At.AddMinutes(1), acts[1].At);
        Assert.True(acts[0].Id < acts[1].Id);
        Assert.Single(Port<IYearLockStore>().Acts(2024));
        Assert.Empty(Port<IYearLockStore>().Acts(2022));
    }

    [Fact]
    public void TheYearGate_RunsOneWorkAtATime()
    {
        var store = Port<IYearLockStore>();
        var inside = 0;
        var most = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => store.Exclusive(() =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref inside);
            return 0;
        }));
        Assert.Equal(1, most);
        // What the work throws comes out as it was, and the gate is free again.
        Assert.Throws<TimeZoneNotFoundException>(() => store.Exclusive<int>(() => throw new TimeZoneNotFoundException("作业出错")));
        Assert.Equal(7, store.Exclusive(() => 7));
    }

    protected static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public void ReviewAuditCredentialsGlossaryAndRegistry_KeepWhatWasWritten()
    {
        Port<IReviewStore>().Add(new ReviewRecord { DepartmentCode = "430001", FiscalYear = 2023, Version = 1, Act = "return", By = "审核员", At = At, Reason = "请补充说明" });
        Port<IReviewStore>().Add(new ReviewRecord { DepartmentCode = "430001", FiscalYear = 2023, Version = 2, Act = "accept", By = "审核员", At = At });
        Port<IReviewStore>().Add(new ReviewRecord { DepartmentCode = "430002", FiscalYear = 2023, Version = 1, Act = "accept", By = "审核员", At = At });
        Port<IAuditStore>().Append([
            new AuditRecord { At = At, Principal = "甲", Method = "SubmissionService/Submit", Kind = "submit", DepartmentCode = "430001", FiscalYear = 2023, Outcome = "OK" },
            new AuditRecord { At = At.AddMinutes(5), Principal = "乙", Method = "ConsolidationService/Publish", Kind = "publish", FiscalYear = 2023, Outcome = "OK" },
        ]);
        Port<IAuditStore>().Append([new AuditRecord { At = At.AddMinutes(9), Principal = "丙", Kind = "submit", DepartmentCode = "430002", FiscalYear = 2024, Outcome = "PermissionDenied" }]);
        var credential = new CredentialRecord
        {
            Id = "k1", Name = "某局", Role = 1, DepartmentCode = "430001", Salt = [1, 2], Hash = [3, 4], IssuedAt = At, ExpiresAt = At.AddDays(90), IssuedBy = "财政局",
        };
        Port<ICredentialStore>().Insert(credential);
        credential.RevokedAt = At.AddDays(1);
        credential.RevokeReason = "离职";
        Port<ICredentialStore>().Update(credential);
        var change = Port<IGlossaryChangeStore>().Add(new GlossaryChange(ChangeKind.Add, "基本支出", 2023, "", "保障机构正常运转的支出。", "支出", "财政局", At, "补充"));
        Port<IGlossaryChangeStore>().Add(new GlossaryChange(ChangeKind.Correct, "基本支出 ", 2023, "保障机构正常运转的支出。", "保障机构正常运转、完成日常工作任务的支出。", "支出", "财政局", At, "更正"));
        var unit = new RegistryUnitRecord { Id = "430001", Name = "岳阳市某局", Parent = "", Type = 1, ChangedAt = At, ChangedBy = "财政局" };
        Port<IRegistryStore>().Write([(null, unit, "add")], "财政局", At, "registry.csv");
        var renamed = new RegistryUnitRecord { Id = "430001", Name = "岳阳市某某局", Parent = "", Type = 1, ChangedAt = At.AddDays(1), ChangedBy = "财政局" };
        Port<IRegistryStore>().Write([(unit, renamed, "change"), (null, new RegistryUnitRecord { Id = "430001001", Name = "下属单位", Parent = "430001", Type = 2, ChangedAt = At, ChangedBy = "财政局" }, "add")],
            "财政局", At.AddDays(1), "");
        Reopen();

        Assert.Equal([1, 2], Port<IReviewStore>().Department("430001", 2023).Select(a => a.Version));
        Assert.Equal("请补充说明", Port<IReviewStore>().Department("430001", 2023)[0].Reason);
        Assert.Equal(3, Port<IReviewStore>().Year(2023).Count);
        Assert.Empty(Port<IReviewStore>().Year(2024));

        var audit = Port<IAuditStore>();
        Assert.Equal(["丙", "乙", "甲"], audit.Find("", 0, "", null, null, 100).Select(e => e.Principal)); // newest first
        Assert.Equal(["丙", "甲"], audit.Find("", 0, "submit", null, null, 100).Select(e => e.Principal));
        Assert.Equal(["甲"], audit.Find("430001", 2023, "", null, null, 100).Select(e => e.Principal));
        Assert.Equal(["乙"], audit.Find("", 0, "", At.AddMinutes(1), At.AddMinutes(6), 100).Select(e => e.Principal));
        Assert.Equal(["丙"], audit.Find("", 0, "", null, null, 1).Select(e => e.Principal));

        var stored = Assert.Single(Port<ICredentialStore>().All());
        Assert.Equal(("k1", "离职", At.AddDays(1), At.AddDays(90)), (stored.Id, stored.RevokeReason, stored.RevokedAt, stored.ExpiresAt));
        Assert.Equal([1, 2], stored.Salt);

        Assert.Equal(2, Port<IGlossaryChangeStore>().ForTerm("基本支出").Count);
        Assert.Equal(change.Id, Port<IGlossaryChangeStore>().All()[0].Id);
        Assert.Equal(change.Change, Port<IGlossaryChangeStore>().All()[0].Change);
        Assert.Empty(Port<IGlossaryChangeStore>().ForTerm("项目支出"));

        var registry = Port<IRegistryStore>();
        Assert.False(registry.IsEmpty);
        Assert.Equal(["430001", "430001001"], registry.All().Select(u => u.Id));
        Assert.Equal("岳阳市某某局", registry.Find("430001")!.Name);
        Assert.Null(registry.Find("439999"));
        var acts = registry.Acts("430001");
        Assert.Equal(["add", "change"], acts.Select(a => a.Action));
        Assert.Null(acts[0].Before);
        Assert.Equal(("岳阳市某局", "岳阳市某某局", "registry.csv"), (acts[1].Before!.Name, acts[1].After!.Name, acts[0].Source));
        Assert.Equal(At, acts[1].Before!.ChangedAt);
        Assert.Equal(3, registry.Acts("").Count);
    }

    [Fact]
    public void ANewStorage_IsEmpty_AndHealthy()
    {
        Assert.Equal(0, Book.Count());
        Assert.True(Port<IRegistryStore>().IsEmpty);
        Assert.Empty(Port<ICredentialStore>().All());
        Assert.Null(Port<IStorageHealth>().Probe());
        Assert.False(string.IsNullOrWhiteSpace(Port<IStorageHealth>().Description));
    }

    private static (RequestDecisionKind, bool)? Kind(RequestDecision? d) => d is null ? null : (d.Kind, d.Replayed);
}

/// <summary>The storage contract on the embedded default: a LiteDB file in a temporary folder.</summary>
public sealed class LiteDbStorageContractTests : StorageContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fa-contract").FullName;

    protected override (IStorageAdapter, StorageSettings) Storage =>
        (StorageAdapters.For("LiteDB"), new StorageSettings(Path.Combine(_directory, "contract.litedb"), ""));

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The storage contract on PostgreSQL: a fresh database of the test process's throwaway cluster.</summary>
public sealed class PostgreSqlStorageContractTests : StorageContractTests
{
    private readonly string _connection = PostgreSqlCluster.Shared.NewDatabase();

    protected override (IStorageAdapter, StorageSettings) Storage =>
        (StorageAdapters.For("PostgreSQL"), new StorageSettings(Path.Combine(Path.GetTempPath(), "unused.litedb"), _connection));

    [Fact]
    public void TheYearGate_HoldsAcrossServers_SharingTheDatabase()
    {
        // Two "servers" (each its own adapter over the database): their gated work never overlaps either.
        using var one = new Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase(_connection);
        using var two = new Consolidation.Server.Storage.PostgreSql.PostgreSqlDatabase(_connection);
        var gates = new[] { new Consolidation.Server.Storage.PostgreSql.PostgreSqlYearLockStore(one), new Consolidation.Server.Storage.PostgreSql.PostgreSqlYearLockStore(two) };
        var inside = 0;
        var most = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => gates[i % 2].Exclusive(() =>
        {
            InterlockedMax(ref most, Interlocked.Increment(ref inside));
            Thread.Sleep(30);
            Interlocked.Decrement(ref inside);
            return 0;
        }));
        Assert.Equal(1, most);
    }
}
