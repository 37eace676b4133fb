namespace Consolidation.Domain.Layouts;

/// <summary>
/// The nine public tables of a 部门决算 (reference: final-accounts.md section 2). Keys are the contract's field names in
/// camelCase; names are as printed.
/// </summary>
public static class StandardLayouts
{
    private static ColumnLayout C(string key, string name) => new(key, name);
    private static FixedRowLayout Before(string key, string name) => new(key, name, RowPosition.BeforeCodedRows);
    private static FixedRowLayout After(string key, string name) => new(key, name, RowPosition.AfterCodedRows);

    private static readonly ColumnLayout[] Amount = [C("amount", "金额")];

    public static readonly TableLayout T1 = new("T1", "收入支出决算总表", RowKeying.FunctionClass, Amount,
    [
        Before("generalBudgetAppropriation", "一般公共预算财政拨款收入"),
        Before("governmentFundAppropriation", "政府性基金预算财政拨款收入"),
        Before("stateCapitalAppropriation", "国有资本经营预算财政拨款收入"),
        Before("superiorSubsidy", "上级补助收入"),
        Before("businessIncome", "事业收入"),
        Before("operatingIncome", "经营收入"),
        Before("subsidiaryRemittance", "附属单位上缴收入"),
        Before("otherIncome", "其他收入"),
        Before("incomeTotal", "本年收入合计"),
        Before("nonFiscalBalanceUsed", "使用非财政拨款结余（含专用结余）"),
        Before("openingBalance", "年初结转和结余"),
        Before("incomeGrandTotal", "收入总计"),
        After("expenditureTotal", "本年支出合计"),
        After("surplusDistribution", "结余分配"),
        After("closingBalance", "年末结转和结余"),
        After("expenditureGrandTotal", "支出总计"),
    ]);

    public static readonly TableLayout T2 = new("T2", "收入决算表", RowKeying.Function,
    [
        C("total", "本年收入合计"), C("fiscal", "财政拨款收入"), C("superiorSubsidy", "上级补助收入"), C("business", "事业收入"),
        C("operating", "经营收入"), C("subsidiaryRemittance", "附属单位上缴收入"), C("other", "其他收入"),
    ],
    [Before("total", "合计")]);

    public static readonly TableLayout T3 = new("T3", "支出决算表", RowKeying.Function,
    [
        C("total", "本年支出合计"), C("basic", "基本支出"), C("project", "项目支出"), C("remittanceToSuperior", "上缴上级支出"),
        C("operating", "经营支出"), C("subsidyToSubsidiaries", "对附属单位补助支出"),
    ],
    [Before("total", "合计")]);

    public static readonly TableLayout T4 = new("T4", "财政拨款收入支出决算总表", RowKeying.FunctionClass,
    [
        C("total", "合计"), C("generalBudget", "一般公共预算财政拨款"), C("governmentFund", "政府性基金预算财政拨款"),
        C("stateCapital", "国有资本经营预算财政拨款"),
    ],
    [
        Before("incomeCurrent", "本年收入合计"),
        Before("incomeOpening", "年初财政拨款结转和结余"),
        Before("incomeGrandTotal", "收入总计"),
        After("expenditureTotal", "本年支出合计"),
        After("closingBalance", "年末财政拨款结转和结余"),
        After("expenditureGrandTotal", "支出总计"),
    ]);

    public static readonly TableLayout T5 = new("T5", "一般公共预算财政拨款支出决算表", RowKeying.Function,
    [C("budget", "年初预算数"), C("total", "决算数合计"), C("basic", "基本支出"), C("project", "项目支出")],
    [Before("total", "合计")]);

    public static readonly TableLayout T6 = new("T6", "一般公共预算财政拨款基本支出决算明细表", RowKeying.Economic, Amount,
    [After("personnelTotal", "人员经费合计"), After("publicTotal", "公用经费合计"), After("total", "合计")]);

    public static readonly TableLayout T7 = new("T7", "财政拨款“三公”经费支出决算表", RowKeying.None,
    [C("budget", "预算数"), C("actual", "决算数")],
    [
        Before("total", "合计"),
        Before("outboundTravel", "因公出国（境）费"),
        Before("vehicles", "公务用车购置及运行维护费"),
        Before("vehiclePurchase", "公务用车购置费"),
        Before("vehicleOperation", "公务用车运行维护费"),
        Before("reception", "公务接待费"),
    ]);

    private static readonly ColumnLayout[] FundColumns =
    [
        C("openingBalance", "年初结转和结余"), C("income", "本年收入"), C("expenditureTotal", "本年支出合计"),
        C("basic", "基本支出"), C("project", "项目支出"), C("closingBalance", "年末结转和结余"),
    ];

    public static readonly TableLayout T8 = new("T8", "政府性基金预算财政拨款收入支出决算表", RowKeying.Function, FundColumns,
    [Before("total", "合计")]);

    public static readonly TableLayout T9 = new("T9", "国有资本经营预算财政拨款支出决算表", RowKeying.Function, FundColumns,
    [Before("total", "合计")]);

    /// <summary>The nine tables in their published order.</summary>
    public static readonly IReadOnlyList<TableLayout> All = [T1, T2, T3, T4, T5, T6, T7, T8, T9];

    public static TableLayout Get(string id) =>
        All.FirstOrDefault(l => l.Id == id) ?? throw new ArgumentException($"no table '{id}'", nameof(id));
}
