using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Server.Application;
using Consolidation.Server.Services;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.Storage;

/// <summary>
/// The repository decides versions, "unchanged" and last year's accepted accounts from its in-memory heads
/// (SubmissionHeads): they must agree with the data file after a restart and must not move when a transaction rolls back.
/// </summary>
public sealed class SubmissionHeadsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fa-heads").FullName;
    private string DataPath => Path.Combine(_directory, "heads.litedb");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PreparedSubmission Prepared(FinalAccounts accounts, CheckResult? check = null, string? requestId = null)
    {
        var encoded = ContractEncoding.Instance.EncodeAccounts(accounts);
        return new PreparedSubmission(requestId ?? Guid.NewGuid().ToString("n"), accounts, encoded.Bytes, encoded.ContentHash, "测试", check);
    }

    private static CheckResult Check(FinalAccounts accounts) => AccountsChecker.Standard.Check(accounts);

    [Fact]
    public void AfterARestart_VersionsUnchangedAndLastYearComeFromTheFile()
    {
        // Last year's accounts: the corrected seed relabelled, its narrative speaking of its own year (WZ-19 says 2023 is not 2022's).
        var lastYear = Accounts.Consistent() with
        {
            FiscalYear = Accounts.Consistent().FiscalYear - 1, Narrative = Accounts.Consistent().Narrative.Replace("2023", "2022", StringComparison.Ordinal),
        };
        var accepted = Accounts.Consistent();
        var rejected = Accounts.Seed(); // the seed as published: its arithmetic errors are 强制性
        using (var store = new LiteDbStore(DataPath))
        {
            var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            var stored = repository.Add(lastYear, Check(lastYear), "测试", DateTime.UtcNow);
            Assert.True(stored.Status == SubmissionStatus.Accepted, string.Join("\n", stored.LoadFindings().Select(f => $"{f.RuleId} {f.Severity} {f.Message}")));
            repository.StoreRequests([Prepared(accepted), Prepared(rejected)], p => Check(p.Accounts), DateTime.UtcNow);
        }

        using (var store = new LiteDbStore(DataPath))
        {
            var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            Assert.Equal(2, repository.LatestVersion(accepted.DepartmentCode, accepted.FiscalYear));
            Assert.Equal(SubmissionStatus.Rejected, repository.Get(accepted.DepartmentCode, accepted.FiscalYear, 0)!.Status);
            Assert.Equal(1, repository.LatestAccepted(accepted.DepartmentCode, accepted.FiscalYear)!.Version);
            Assert.Equal(lastYear.FiscalYear, repository.LatestAccepted(accepted.DepartmentCode, lastYear.FiscalYear)!.FiscalYear);
            Assert.Null(repository.LatestAccepted(accepted.DepartmentCode, lastYear.FiscalYear - 1));

            // The latest version's content is unchanged; the accepted one before it is not the latest, so it is new again.
            var again = repository.StoreRequests([Prepared(rejected), Prepared(accepted)], p => Check(p.Accounts), DateTime.UtcNow);
            Assert.Equal(RequestDecisionKind.Unchanged, again[0].Kind);
            Assert.Equal(2, again[0].Submission!.Version);
            Assert.Equal(RequestDecisionKind.Stored, again[1].Kind);
            Assert.Equal(3, again[1].Submission!.Version);
            Assert.Equal(3, repository.LatestAccepted(accepted.DepartmentCode, accepted.FiscalYear)!.Version);
        }
    }

    [Fact]
    public void RolledBackGroup_LeavesNoVersionAndNoHead()
    {
        var accounts = Accounts.Consistent();
        var other = Accounts.Seed();
        using var store = new LiteDbStore(DataPath);
        var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
        var failing = Prepared(other);
        Assert.Throws<InvalidOperationException>(() => repository.StoreRequests([Prepared(accounts, requestId: "rolled-back"), failing],
            p => p == failing ? throw new InvalidOperationException("审核中断") : Check(p.Accounts), DateTime.UtcNow));

        Assert.Equal(0, repository.LatestVersion(accounts.DepartmentCode, accounts.FiscalYear));
        Assert.Equal(0, repository.Count());
        Assert.Null(repository.Anticipate("rolled-back", accounts.DepartmentCode, accounts.FiscalYear, Prepared(accounts).ContentHash));
        // The request ID of the rolled-back group was never decided: its retry is new, not a replay.
        var retried = repository.StoreRequests([Prepared(accounts, requestId: "rolled-back")], p => Check(p.Accounts), DateTime.UtcNow);
        Assert.Equal(RequestDecisionKind.Stored, retried[0].Kind);
        Assert.False(retried[0].Replayed);
        Assert.Equal(1, retried[0].Submission!.Version);
    }

    [Fact]
    public void AfterARestart_RequestIdsOnFileAreReplayedOrConflicts_NewOnesStored()
    {
        var accounts = Accounts.Consistent();
        var other = Accounts.Seed();
        using (var store = new LiteDbStore(DataPath))
            new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance).StoreRequests([Prepared(accounts, requestId: "r-1"), Prepared(accounts, requestId: "r-2")],
                p => Check(p.Accounts), DateTime.UtcNow);

        using (var store = new LiteDbStore(DataPath))
        {
            var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            var hash = Prepared(accounts).ContentHash;
            Assert.Equal((RequestDecisionKind.Stored, true), Kind(repository.Anticipate("r-1", accounts.DepartmentCode, accounts.FiscalYear, hash)));
            Assert.Equal((RequestDecisionKind.Unchanged, true), Kind(repository.Anticipate("r-2", accounts.DepartmentCode, accounts.FiscalYear, hash)));
            Assert.Equal((RequestDecisionKind.Conflict, false), Kind(repository.Anticipate("r-1", other.DepartmentCode, other.FiscalYear, Prepared(other).ContentHash)));
            Assert.Null(repository.Anticipate("r-3", other.DepartmentCode, other.FiscalYear, Prepared(other).ContentHash));

            var decided = repository.StoreRequests(
                [Prepared(accounts, requestId: "r-1"), Prepared(other, requestId: "r-1"), Prepared(other, requestId: "r-3"), Prepared(other, requestId: "r-3")],
                p => Check(p.Accounts), DateTime.UtcNow);
            Assert.Equal([(RequestDecisionKind.Stored, true), (RequestDecisionKind.Conflict, false), (RequestDecisionKind.Stored, false), (RequestDecisionKind.Stored, true)],
                decided.Select(d => (d.Kind, d.Replayed)));
            Assert.Equal(1, decided[0].Submission!.Version);
        }

        static (RequestDecisionKind, bool)? Kind(RequestDecision? d) => d is null ? null : (d.Kind, d.Replayed);
    }

    [Fact]
    public void RequestIdsDifferingOnlyInCase_AreOneRequest_AsTheFileIndexesThem()
    {
        // LiteDB's default collation ignores case: the file holds "req-a" and "REQ-A" as one _id, and so must memory.
        var accounts = Accounts.Consistent();
        var other = Accounts.Seed();
        using (var store = new LiteDbStore(DataPath))
        {
            var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            repository.StoreRequests([Prepared(accounts, requestId: "req-a")], p => Check(p.Accounts), DateTime.UtcNow);
            var decided = repository.StoreRequests([Prepared(accounts, requestId: "REQ-A"), Prepared(other, requestId: "Req-A")], p => Check(p.Accounts), DateTime.UtcNow);
            Assert.Equal([(RequestDecisionKind.Stored, true), (RequestDecisionKind.Conflict, false)], decided.Select(d => (d.Kind, d.Replayed)));
        }
        using (var store = new LiteDbStore(DataPath))
        {
            var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
            var hash = Prepared(accounts).ContentHash;
            Assert.Equal(RequestDecisionKind.Stored, repository.Anticipate("REQ-a", accounts.DepartmentCode, accounts.FiscalYear, hash)?.Kind);
            Assert.Equal(1, repository.Count());
        }
    }

    [Fact]
    public void StoredDecision_CarriesTheCheckedFindings_AsStoredOnFile()
    {
        var accounts = Accounts.Seed();
        using var store = new LiteDbStore(DataPath);
        var repository = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
        var decision = repository.StoreRequests([Prepared(accounts)], p => Check(p.Accounts), DateTime.UtcNow)[0];
        var fromFile = repository.Get(accounts.DepartmentCode, accounts.FiscalYear, 1)!;
        Assert.NotEmpty(decision.Submission!.LoadFindings());
        Assert.Equal(fromFile.LoadFindings().Select(f => (f.RuleId, f.Message)), decision.Submission.LoadFindings().Select(f => (f.RuleId, f.Message)));
    }
}
