using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>内部往来 in the file format, the contract (FinalAccounts field 23) and the validator.</summary>
public sealed class InternalTransferFormatTests
{
    private static string WithTransfers(string transfers)
    {
        var json = SubmissionFileWriter.Write(Consistent());
        return json.Replace("  \"narrative\":", $"  \"internalTransfers\": {transfers},\n  \"narrative\":");
    }

    [Fact]
    public void File_ReadsTransfers_InTheFilesUnit_AndWritesThemBack()
    {
        var a = SubmissionFile.Parse(WithTransfers(
            """[{ "kind": "subsidyToSubsidiaries", "counterparty": "431002", "amount": 12.34, "functionCode": "2010301" }, { "kind": "上级补助收入", "counterparty": "401001", "amount": 1, "functionCode": "2010301" }]"""));
        Assert.Equal(2, a.InternalTransfers.Count);
        Assert.Equal(new InternalTransfer(InternalTransferKind.SubsidyToSubsidiaryPaid, "431002", 12_340_000, "2010301"), a.InternalTransfers[0]);
        Assert.Equal(InternalTransferKind.SuperiorSubsidyReceived, a.InternalTransfers[1].Kind);
        var again = SubmissionFile.Parse(SubmissionFileWriter.Write(a));
        Assert.Equal(a.InternalTransfers, again.InternalTransfers);
        Assert.Equal(a.InternalTransfers, AccountsMapper.ToDomain(AccountsMapper.ToProto(a)).InternalTransfers);
    }

    [Fact]
    public void File_WithABadTransfer_NamesEachProblem()
    {
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(WithTransfers(
            """[{ "kind": "gift", "counterparty": "43", "amount": 1.234, "functionCode": "201" }]""")));
        var text = string.Join("\n", e.Violations.Select(v => v.ToString()));
        Assert.Contains("internalTransfers[0].kind: 往来类型“gift”无效", text);
        Assert.Contains("internalTransfers[0].amount", text);
        // Once the file reads, the validator names what cannot be stored.
        var v = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(WithTransfers(
            """[{ "kind": "remittanceToSuperior", "counterparty": "43", "amount": 1.23, "functionCode": "201" }]""")));
        text = string.Join("\n", v.Violations.Select(x => x.ToString()));
        Assert.Contains("internalTransfers[0].counterparty: 对方单位编码“43”格式不对", text);
        Assert.Contains("internalTransfers[0].functionCode: 功能科目“201”应为 7 位项级编码", text);
    }

    [Fact]
    public void Validator_RefusesAUnitOutsideTheSubmission_AndAFlowWithItself()
    {
        var a = Consistent() with
        {
            InternalTransfers =
            [
                new InternalTransfer(InternalTransferKind.RemittanceToSuperiorPaid, "401001", 10_000, "2010301", "499999"),
                new InternalTransfer(InternalTransferKind.RemittanceToSuperiorPaid, "431001", 10_000, "2010301"),
            ],
        };
        var v = AccountsValidator.Validate(a);
        Assert.Contains(v, x => x.Field == "internalTransfers[0].unit" && x.Message.Contains("不是本次报送的本级或下属单位"));
        Assert.Contains(v, x => x.Field == "internalTransfers[1].counterparty" && x.Message.Contains("不能是记账单位自己"));
        Assert.Empty(AccountsValidator.Validate(Consistent() with
            { InternalTransfers = [new InternalTransfer(InternalTransferKind.RemittanceToSuperiorPaid, "401001", 10_000, "2010301")] }));
    }
}
