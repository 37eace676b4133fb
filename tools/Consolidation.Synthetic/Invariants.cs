using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;

namespace Consolidation.Synthetic;

/// <summary>
/// What synthetic accounts promise beyond being accepted: every table identity of the year's catalogue holds
/// <em>exactly</em> (the accounts checked as if in 元, so no rounding tolerance hides a tail — the identities are the
/// catalogue's, not restated here), and the generator's own choices: 年末结转和结余 ≥ 0, 三公 paid from 基本支出 (T7 =
/// T6 30217 / 30231) and 人员经费 a plausible share of 基本支出. Returns one line per broken promise; empty when all hold.
/// </summary>
public static class Invariants
{
    public static IReadOnlyList<string> Check(FinalAccounts a)
    {
        var f = new List<string>();
        var exact = a with { Precision = AmountPrecision.Yuan, Narrative = "" };
        foreach (var finding in AccountsChecker.Standard.Check(exact).Findings)
            if (finding.Severity != Severity.Info)
                f.Add($"{a.DepartmentCode} 不精确成立 {finding.RuleId}: {finding.Message}");

        void True(string what, bool holds)
        {
            if (!holds) f.Add($"{a.DepartmentCode} {what}");
        }
        var (t1, t4, t6, t7) = (a["T1"], a["T4"], a["T6"], a["T7"]);
        True("T1 年末结转和结余 ≥ 0", t1.Fixed("closingBalance", "amount") >= 0);
        True("T4 年末财政拨款结转和结余 ≥ 0", t4.FixedRows["closingBalance"].All(v => v >= 0));

        long T6(string code) => t6.FindRow(code)?[0] ?? 0;
        True("T7 公务接待费 决算 = T6 30217", t7.Fixed("reception", "actual") == T6("30217"));
        True("T7 公务用车运行维护费 决算 = T6 30231", t7.Fixed("vehicleOperation", "actual") == T6("30231"));

        // 人员经费 share of 基本支出 (the generator draws 70–85 %).
        var basic = t6.Fixed("total", "amount");
        var personnel = t6.Fixed("personnelTotal", "amount");
        True($"T6 人员经费占基本支出 {Money.Percent(personnel, basic)} 不在 65%–90% 之间",
            basic == 0 || (personnel * 100 >= basic * 65 && personnel * 100 <= basic * 90));
        return f;
    }
}
