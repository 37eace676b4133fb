namespace Consolidation.Domain.Model;

/// <summary>
/// The four kinds of money that moves between the units of one consolidated set. Each pair of kinds is the two sides of
/// one flow: 上级补助收入 ↔ 对附属单位补助支出 (a superior funds a subordinate), 附属单位上缴收入 ↔ 上缴上级支出 (a subordinate
/// remits to its superior).
/// </summary>
public enum InternalTransferKind
{
    Unspecified = 0,
    SuperiorSubsidyReceived = 1,       // 上级补助收入 (T2 superiorSubsidy): received from the superior unit
    SubsidyToSubsidiaryPaid = 2,       // 对附属单位补助支出 (T3 subsidyToSubsidiaries): paid to a subordinate unit
    SubsidiaryRemittanceReceived = 3,  // 附属单位上缴收入 (T2 subsidiaryRemittance): received from a subordinate unit
    RemittanceToSuperiorPaid = 4,      // 上缴上级支出 (T3 remittanceToSuperior): paid to the superior unit
}

/// <summary>
/// 内部往来: one flow a unit of the submission booked with another unit — the kind, the counterparty unit, the amount in 分
/// and the function 项 it is booked under (the T2 / T3 row). <see cref="UnitCode"/> is the unit of this submission that
/// booked it; empty means the submission's own unit (本级).
/// </summary>
public sealed record InternalTransfer(InternalTransferKind Kind, string CounterpartyCode, long Amount, string FunctionCode, string UnitCode = "")
{
    public static string KindName(InternalTransferKind kind) => kind switch
    {
        InternalTransferKind.SuperiorSubsidyReceived => "上级补助收入",
        InternalTransferKind.SubsidyToSubsidiaryPaid => "对附属单位补助支出",
        InternalTransferKind.SubsidiaryRemittanceReceived => "附属单位上缴收入",
        InternalTransferKind.RemittanceToSuperiorPaid => "上缴上级支出",
        _ => "（未指明）",
    };

    /// <summary>The file format's word for a kind (docs/submission-format.md).</summary>
    public static string KindKey(InternalTransferKind kind) => kind switch
    {
        InternalTransferKind.SuperiorSubsidyReceived => "superiorSubsidy",
        InternalTransferKind.SubsidyToSubsidiaryPaid => "subsidyToSubsidiaries",
        InternalTransferKind.SubsidiaryRemittanceReceived => "subsidiaryRemittance",
        InternalTransferKind.RemittanceToSuperiorPaid => "remittanceToSuperior",
        _ => "",
    };

    public static InternalTransferKind? ParseKind(string key) => key switch
    {
        "superiorSubsidy" or "上级补助收入" => InternalTransferKind.SuperiorSubsidyReceived,
        "subsidyToSubsidiaries" or "对附属单位补助支出" => InternalTransferKind.SubsidyToSubsidiaryPaid,
        "subsidiaryRemittance" or "附属单位上缴收入" => InternalTransferKind.SubsidiaryRemittanceReceived,
        "remittanceToSuperior" or "上缴上级支出" => InternalTransferKind.RemittanceToSuperiorPaid,
        _ => null,
    };
}
