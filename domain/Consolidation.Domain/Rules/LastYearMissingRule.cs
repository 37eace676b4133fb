namespace Consolidation.Domain.Rules;

/// <summary>
/// 信息: the cross-year checks (跨年) could not run because no accepted accounts of the same department for the year
/// before are on file. One finding, so the clerk knows the comparison with last year was not made.
/// </summary>
public sealed class LastYearMissingRule : IRule
{
    public static RuleInfo Rule { get; } = RuleInfo.Information("KN-01", RuleCategory.AcrossYears, "库中无本部门上年已接收决算，跨年核对未执行");

    public RuleInfo Info => Rule;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.LastYear is not null) yield break;
        var a = context.Accounts;
        var where = Cells.Locate(a["T1"], "openingBalance", "amount");
        yield return new Finding(Info.Id, Info.Severity, Info.Category, where, 0, 0, 0,
            $"库中没有本部门 {a.FiscalYear - 1} 年度已接收的决算，跨年核对（年初结转和结余 = 上年年末结转和结余）未执行。" +
            "上年决算报送并接收后，重新审核即可核对。");
    }
}
