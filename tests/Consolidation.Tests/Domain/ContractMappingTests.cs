using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Layouts;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.Domain;

/// <summary>The contract and the layouts name the same rows and columns; mapping loses nothing.</summary>
public class ContractMappingTests
{
    public static TheoryData<string> Tables() => new(StandardLayouts.All.Select(l => l.Id));

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryLayoutKey_HasItsFieldInTheContract(string tableId)
    {
        var layout = StandardLayouts.Get(tableId);
        var message = AccountsMapper.TableField(layout).MessageType;
        foreach (var row in layout.FixedRows)
        {
            var field = AccountsMapper.Field(message, row.Key);
            if (layout.IsSingleColumn) Assert.Equal(Google.Protobuf.Reflection.FieldType.Int64, field.FieldType);
            else foreach (var c in layout.Columns) AccountsMapper.Field(field.MessageType, c.Key);
        }
        if (layout.HasCodedRows)
        {
            var rows = AccountsMapper.Field(message, "rows");
            Assert.True(rows.IsRepeated);
            foreach (var c in layout.Columns) Assert.Equal(Google.Protobuf.Reflection.FieldType.Int64, AccountsMapper.Field(rows.MessageType, c.Key).FieldType);
        }
    }

    [Fact]
    public void DomainToContractAndBack_IsLossless()
    {
        var a = Accounts.Seed();
        var proto = AccountsMapper.ToProto(a);
        var back = AccountsMapper.ToProto(AccountsMapper.ToDomain(Consolidation.Contracts.FinalAccounts.Parser.ParseFrom(proto.ToByteArray())));
        Assert.Equal(proto, back);
        Assert.Equal(a.Cell("T5", "total", "budget"), proto.T5.Total.Budget);
        Assert.Equal(22, proto.T5.Rows.Count);
    }

    [Fact]
    public void MissingTableInTheContract_StaysMissingInTheDomain()
    {
        var proto = AccountsMapper.ToProto(Accounts.Seed());
        proto.T3 = null;
        proto.T5.Total = null;
        var a = AccountsMapper.ToDomain(proto);
        Assert.False(a.Tables.ContainsKey("T3"));
        Assert.False(a["T5"].FixedRows.ContainsKey("total"));
    }
}
