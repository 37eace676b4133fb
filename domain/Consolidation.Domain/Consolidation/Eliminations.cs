using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>The two flows consolidation eliminates: 上级补助收入 ↔ 对附属单位补助支出, 附属单位上缴收入 ↔ 上缴上级支出.</summary>
public enum InternalFlow
{
    /// <summary>A superior funds a subordinate: the payer books 对附属单位补助支出, the receiver 上级补助收入.</summary>
    Subsidy = 1,
    /// <summary>A subordinate remits to its superior: the payer books 上缴上级支出, the receiver 附属单位上缴收入.</summary>
    Remittance = 2,
}

/// <summary>
/// One flow between two units of the consolidated set, as both sides declared it (分), and what was eliminated. The
/// stated rule (docs/consolidation.md): the smaller of the two declared amounts is eliminated from both sides; when the
/// sides disagree the rest stays in the totals and the pair is reported as a mismatch.
/// </summary>
public sealed record EliminationPair(InternalFlow Flow, string PayerCode, string ReceiverCode, long PayerAmount, long ReceiverAmount)
{
    public long Eliminated => Math.Min(PayerAmount, ReceiverAmount);
    /// <summary>Payer's amount − receiver's amount: 0 when the two sides agree.</summary>
    public long Difference => PayerAmount - ReceiverAmount;
    public bool Matched => Difference == 0;

    public string PayerKind => InternalTransfer.KindName(Flow == InternalFlow.Subsidy
        ? InternalTransferKind.SubsidyToSubsidiaryPaid : InternalTransferKind.RemittanceToSuperiorPaid);
    public string ReceiverKind => InternalTransfer.KindName(Flow == InternalFlow.Subsidy
        ? InternalTransferKind.SuperiorSubsidyReceived : InternalTransferKind.SubsidiaryRemittanceReceived);

    /// <summary>The clerk's sentence for a mismatch.</summary>
    public string Message => Matched
        ? $"{PayerCode} {PayerKind} 与 {ReceiverCode} {ReceiverKind} 一致，抵销 {Money.FormatWanYuan(Eliminated)} 万元"
        : $"{PayerCode} 填报{PayerKind} {Money.FormatWanYuan(PayerAmount)} 万元，{ReceiverCode} 填报{ReceiverKind} {Money.FormatWanYuan(ReceiverAmount)} 万元，" +
          $"相差 {Money.FormatWanYuan(Math.Abs(Difference))} 万元：按较小数 {Money.FormatWanYuan(Eliminated)} 万元抵销，差额留在汇总数中，请双方核对";
}

/// <summary>One cell the elimination changed (分 subtracted): table, row (fixed-row key or function code), column.</summary>
public sealed record EliminationAdjustment(string TableId, string RowKey, string ColumnKey, long Amount);

/// <summary>A unit covered by more than one submission of the set; <see cref="ExcludedSubmission"/> was left out so it is counted once.</summary>
public sealed record CoverageOverlap(string UnitCode, string CoveredBy, string ExcludedSubmission);
