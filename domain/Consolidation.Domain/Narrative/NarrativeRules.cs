using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// 文字与数据: the rules of the narrative against the tables — their identities, as data. IDs WZ-01 … are stable and
/// never reused. One check reports them all (<see cref="NarrativeCheck"/>: one reading of the narrative).
/// </summary>
public static class NarrativeRules
{
    public const string Amount = "WZ-01";
    public const string Share = "WZ-02";
    public const string Change = "WZ-03";
    public const string Completion = "WZ-04";
    public const string CompletionOfZeroBudget = "WZ-05";
    public const string Direction = "WZ-06";
    public const string ListedSum = "WZ-07";
    public const string ForcedHundred = "WZ-08";
    public const string ClassName = "WZ-09";
    public const string Wording = "WZ-10";
    public const string Count = "WZ-11";
    public const string MeetingAndTraining = "WZ-12";
    public const string Untied = "WZ-13";
    public const string NeedsLastYear = "WZ-14";
    public const string TemplateText = "WZ-15";
    public const string MissingUnit = "WZ-16";
    public const string DepartmentName = "WZ-17";
    public const string ListedZero = "WZ-18";
    public const string OtherYear = "WZ-19";
    public const string SmallBusinesses = "WZ-20";
    public const string ChangeWithoutReason = "WZ-21";
    public const string EmptyTableNote = "WZ-22";
    public const string ItemSubject = "WZ-23";

    private const string N = RuleCategory.Narrative;
    private const string AmountTolerance = "0.005 万元 per printed number (情况说明 and 表格 each rounded); 元: 0";
    private const string PercentTolerance = "to the decimals printed (0.01 percentage point)";

    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        Rule(Amount, Severity.Mandatory, "情况说明所述金额 = 表中对应数据（收支总计、收入来源、基本/项目支出、各类各项、人员/公用经费、三公、机关运行经费、政府性基金、绩效…）", AmountTolerance),
        Rule(Share, Severity.Mandatory, "情况说明所述占比 = 按表中数据（或所述金额）重新计算的比例，分母按所在部分（本年收入合计、本年支出合计、一般公共预算财政拨款支出合计、基本支出、三公合计、政府采购总额…）", PercentTolerance),
        Rule(Change, Severity.Mandatory, "与上年（或年初预算）相比的增减额、增减率 = 按上年已接收决算（未在系统中时按所述两数）重新计算的数", AmountTolerance + "; rates " + PercentTolerance),
        Rule(Completion, Severity.Mandatory, "完成预算的百分比 = 决算数 ÷ 预算数（表中数据或所述金额）", PercentTolerance),
        Rule(CompletionOfZeroBudget, Severity.Advisory, "预算数为 0 时不写完成预算的百分比", "—"),
        Rule(Direction, Severity.Advisory, "“决算数大于/小于/等于预算数”“增加/减少”“与上年一致”与差额的符号一致", "0"),
        Rule(ListedSum, Severity.Mandatory, "“其中”所列分项之和 = 所述合计（收入来源、支出用途、各类、各项预算与决算、人员/公用经费、三公各项、政府采购、车辆、绩效基本 + 项目）", "n × 0.005 万元 for n stated parts; counts: 0"),
        Rule(ForcedHundred, Severity.Advisory, "一组占比之和只有如实计算为 100% 时才写成 100%（不得改动某项占比凑足 100%）", "0"),
        Rule(ClassName, Severity.Advisory, "所写类、款、项名称与表中（支出功能分类）科目名称一致", "—"),
        Rule(Wording, Severity.Advisory, "用词：重复的字词或标点、重复列举的项目、不完整的金额单位（“万”）", "—"),
        Rule(Count, Severity.Advisory, "所述数量与相应支出相符（团组、人次、人数、车辆、项目个数有则支出不为 0，反之亦然；人员增减与上年实有人数）", "0"),
        Rule(MeetingAndTraining, Severity.Advisory, "会议费、培训费决算数与 T6 基本支出明细 30215 会议费、30216 培训费一致（含项目支出时请说明）", AmountTolerance),
        Rule(Untied, Severity.Info, "未能对应到表中数据或其他所述数字的数字（列出，未核对）", "—"),
        Rule(NeedsLastYear, Severity.Info, "只能与上年决算核对、而上年决算未在系统中的数字（列出，未核对）", "—"),
        Rule(TemplateText, Severity.Advisory, "模板文字未处理：占位符（XX、××、待填写、（略））、未选定的备选词（“增加（减少）”“下降（增长）”）、空的“主要原因：”", "—"),
        Rule(MissingUnit, Severity.Advisory, "增减率、占比、完成率的数字缺少“%”（“增长 13.95。”）", "—"),
        Rule(DepartmentName, Severity.Advisory, "情况说明中本部门名称的写法与报送的单位名称不一致（“规划与自然资源局” / “规划和自然资源局”）", "—"),
        Rule(ListedZero, Severity.Advisory, "“主要包括”所列人员经费、公用经费项目在 T6 基本支出明细表中为 0 或未列", "—"),
        Rule(SmallBusinesses, Severity.Mandatory, "政府采购授予中小企业：预留项目 + 其他项目中标金额 = 授予中小企业合同金额，不超过政府采购总额；授予小微企业 ≤ 授予中小企业", "n × 0.005 万元 for n stated parts"),
        Rule(ChangeWithoutReason, Severity.Advisory, "所述增减变动（与上年或与预算相比）须说明原因（主要原因…），持平者除外", "—"),
        Rule(EmptyTableNote, Severity.Advisory, "T7、T8、T9 为空表（各栏均为 0）时须有空表说明（表下“本年度没有…，故本表无数据”或情况说明相应部分写明“无/没有…”）；有数据的表不得称无数据", "—"),
        Rule(ItemSubject, Severity.Advisory, "各项“主要用于”所写的用途与本项名称不符：写的是同款相邻项目的对象（如“事业单位医疗（项）。主要用于：行政单位医疗保险支出”），疑为沿用相邻项目的说明", "—"),
        Rule(OtherYear, Severity.Advisory, "情况说明只应提及本年度和上年度（日期除外）：其他年份疑为沿用往年文字", "—"),
    ];

    private static RuleInfo Rule(string id, Severity severity, string title, string tolerance) => new(id, N, severity, title, tolerance);
}
