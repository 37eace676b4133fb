using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

public sealed class SubmissionServiceTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>Submitted by the bureau (代报) unless <paramref name="by"/> names a department clerk of the accounts' department.</summary>
    private SubmissionRecord Submit(Consolidation.Domain.Model.FinalAccounts a, string? by = null) =>
        (by is null ? _server.Submissions : _server.As(_server.DepartmentCredential(a.DepartmentCode, by)).Submissions)
            .Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a) });

    private int StoredCount() => _server.Service<SubmissionBook>().Count();

    [Fact]
    public void SubmitSeed_ReturnsRejectedWithFindings_AndStoresVersion1()
    {
        var record = Submit(Seed());
        Assert.Equal(SubmissionStatus.Rejected, record.Status);
        Assert.Equal(1, record.Version);
        var finding = Assert.Single(record.Findings, f => f.Category == "表内" && f.Severity != Severity.Info); // its 尾差 are 信息
        Assert.Equal("BN-T5-02", finding.RuleId);
        Assert.Equal(Severity.Mandatory, finding.Severity);
        Assert.Equal("T5", finding.Location.Table);
        Assert.Equal("合计", finding.Location.RowName);
        Assert.Equal("年初预算数", finding.Location.ColumnName);
        Assert.Equal(Wan(1.91m), finding.Difference);
        Assert.Equal(Wan(0.025m), finding.Tolerance);
        Assert.Equal(64, record.ContentHash.Length);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public void SubmitConsistent_IsAccepted()
    {
        var record = Submit(Consistent());
        Assert.Equal(SubmissionStatus.Accepted, record.Status);
        Assert.All(record.Findings, f => Assert.Equal(Severity.Info, f.Severity)); // the narrative's numbers no table holds
    }

    [Fact]
    public void Resubmit_CreatesVersion2_AndVersion1StaysReadable()
    {
        var v1 = Submit(Seed(), "clerk-1");
        var v2 = Submit(Consistent(), "clerk-2");
        Assert.Equal(2, v2.Version);
        Assert.Equal(SubmissionStatus.Accepted, v2.Status);

        var first = _server.Submissions.GetSubmission(new GetSubmissionRequest { DepartmentCode = "431001", FiscalYear = 2023, Version = 1, IncludeAccounts = true });
        Assert.Equal(SubmissionStatus.Rejected, first.Status);
        Assert.Equal("431001 clerk-1", first.SubmittedBy); // the principal's name, never a name the caller typed
        Assert.Equal(v1.ContentHash, first.ContentHash);
        Assert.Equal(Wan(463.48m), first.Accounts.T5.Total.Budget);

        var latest = _server.Submissions.GetSubmission(new GetSubmissionRequest { DepartmentCode = "431001", FiscalYear = 2023 });
        Assert.Equal(2, latest.Version);
        Assert.Null(latest.Accounts);

        var versions = _server.Submissions.ListVersions(new ListVersionsRequest { DepartmentCode = "431001" }).Versions;
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(3, versions[0].MandatoryCount); // BN-T5-02 and the narrative's WZ-07 (463.48), WZ-02 (12.83%); 10.49% its printed figures can produce
        Assert.NotEqual(versions[0].ContentHash, versions[1].ContentHash);
    }

    [Fact]
    public void Validate_ReturnsFindings_AndStoresNothing()
    {
        var reply = _server.Submissions.Validate(new ValidateRequest { Accounts = AccountsMapper.ToProto(Seed()) });
        Assert.Equal(SubmissionStatus.Rejected, reply.Status);
        Assert.Single(reply.Findings, f => f.RuleId == "BN-T5-02");
        Assert.Equal(0, StoredCount());
    }

    [Fact]
    public void EmptyRequest_IsInvalidArgument_AndStoresNothing()
    {
        Submit(Consistent());
        var e = Assert.Throws<RpcException>(() => _server.Submissions.Submit(new SubmitRequest()));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("accounts", Violations(e).Select(v => v.Field));
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public void UnknownDepartmentCodeFormat_IsInvalidArgument_AndStoresNothing()
    {
        Submit(Consistent());
        var e = Assert.Throws<RpcException>(() => Submit(Consistent() with { DepartmentCode = "KA-01" }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(Violations(e), v => v.Field == "department.code" && v.Description.Contains("6 至 12 位数字"));
        Assert.Equal(1, StoredCount());
        Assert.Equal(1, _server.Submissions.GetSubmission(new GetSubmissionRequest { DepartmentCode = "431001", FiscalYear = 2023 }).Version);
    }

    [Fact]
    public void NegativeAmount_IsInvalidArgument_AndStoresNothing()
    {
        Submit(Consistent());
        var e = Assert.Throws<RpcException>(() => Submit(Consistent().WithCell("T3", "2010301", "basic", -100)));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(Violations(e), v => v.Field == "tables.T3.rows[2].basic" && v.Description.Contains("为负"));
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public void IncompleteAccounts_MissingTable_IsInvalidArgument()
    {
        var proto = AccountsMapper.ToProto(Consistent());
        proto.T6 = null;
        var e = Assert.Throws<RpcException>(() => _server.Submissions.Submit(new SubmitRequest { Accounts = proto }));
        Assert.Contains(Violations(e), v => v.Field == "tables.T6");
        Assert.Equal(0, StoredCount());
    }

    [Fact]
    public void AmountNotOnTheDeclaredPrecision_IsInvalidArgument()
    {
        var e = Assert.Throws<RpcException>(() => Submit(Consistent().WithCell("T1", "otherIncome", "amount", Wan(95.23m) + 1)));
        Assert.Contains(Violations(e), v => v.Field == "tables.T1.otherIncome" && v.Description.Contains("0.01 万元"));
    }

    [Fact]
    public void OversizeRequest_IsRefused_AndStoresNothing()
    {
        var e = Assert.Throws<RpcException>(() => Submit(Consistent() with { Narrative = new string('字', 600_000) }));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Equal(0, StoredCount());
    }

    [Fact]
    public void GetSubmission_Unknown_IsNotFound()
    {
        var e = Assert.Throws<RpcException>(() => _server.Submissions.GetSubmission(new GetSubmissionRequest { DepartmentCode = "431999", FiscalYear = 2023 }));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task ConcurrentSubmissionsOfOneDepartment_GetDistinctVersions()
    {
        var proto = AccountsMapper.ToProto(Consistent());
        var calls = Enumerable.Range(0, 16).Select(_ => _server.Submissions.SubmitAsync(new SubmitRequest { Accounts = proto }).ResponseAsync);
        var records = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(1, 16), records.Select(r => r.Version).Order());
    }

    private static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(RpcException e) =>
        e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
}
