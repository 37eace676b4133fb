using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Model;

namespace Consolidation.Tests.Support;

/// <summary>
/// Books an internal flow into two departments' accounts as their units would: the payer's T3 column (and 本年支出合计)
/// at 类 / 款 / 项 and in the 合计 row, its T1 类 row and totals; the receiver's T2 column (and 本年收入合计) likewise, its T1
/// income row and totals. Each side declares the flow (<see cref="InternalTransfer"/>) with the amount it states.
/// </summary>
public static class Flows
{
    public static FinalAccounts Copy(FinalAccounts a) => AccountsMapper.ToDomain(AccountsMapper.ToProto(a));

    /// <summary>The first 项 (7-digit) row code of a table.</summary>
    public static string FirstItem(FinalAccounts a, string table) => a[table].Rows.First(r => r.Code.Length == 7).Code;

    public static FinalAccounts Pay(FinalAccounts payer, string receiver, bool subsidy, long booked, long declared)
    {
        var a = Copy(payer);
        var item = FirstItem(a, "T3");
        var column = subsidy ? "subsidyToSubsidiaries" : "remittanceToSuperior";
        foreach (var key in new[] { "total", item[..3], item[..5], item })
        {
            Add(a["T3"], key, column, booked);
            Add(a["T3"], key, "total", booked);
        }
        Add(a["T1"], item[..3], "amount", booked);
        Add(a["T1"], "expenditureTotal", "amount", booked);
        Add(a["T1"], "expenditureGrandTotal", "amount", booked);
        var kind = subsidy ? InternalTransferKind.SubsidyToSubsidiaryPaid : InternalTransferKind.RemittanceToSuperiorPaid;
        return a with { InternalTransfers = [.. a.InternalTransfers, new InternalTransfer(kind, receiver, declared, item)] };
    }

    public static FinalAccounts Receive(FinalAccounts receiver, string payer, bool subsidy, long booked, long declared)
    {
        var a = Copy(receiver);
        var item = FirstItem(a, "T2");
        var column = subsidy ? "superiorSubsidy" : "subsidiaryRemittance";
        foreach (var key in new[] { "total", item[..3], item[..5], item })
        {
            Add(a["T2"], key, column, booked);
            Add(a["T2"], key, "total", booked);
        }
        Add(a["T1"], subsidy ? "superiorSubsidy" : "subsidiaryRemittance", "amount", booked);
        Add(a["T1"], "incomeTotal", "amount", booked);
        Add(a["T1"], "incomeGrandTotal", "amount", booked);
        var kind = subsidy ? InternalTransferKind.SuperiorSubsidyReceived : InternalTransferKind.SubsidiaryRemittanceReceived;
        return a with { InternalTransfers = [.. a.InternalTransfers, new InternalTransfer(kind, payer, declared, item)] };
    }

    private static void Add(Table t, string row, string column, long fen)
    {
        var values = t.FindRow(row) ?? throw new InvalidOperationException($"{t.Id} has no row {row}");
        values[t.Layout.ColumnIndex(column)] += fen;
    }
}
