using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>
/// Issue 12 item 5: the submission carries 全年预算数 (the adjusted budget) of T5's 合计 and rows where the department has
/// it (<c>fullYearBudgets</c>); a stated 全年预算 figure, a completion of it and a 大于/小于 against it are checked against
/// that, never against the 年初预算数 cell.
/// </summary>
public class FullYearBudgetTests
{
    private static string W(long fen) => Money.Format(fen, AmountPrecision.WanYuan2);

    private static FinalAccounts Stating(decimal fullYear, string completion, string direction = "")
    {
        var a = Consistent();
        var actual = a.Cell("T5", "total", "total");
        return a with
        {
            Narrative = "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n" +
                        $"2023年度一般公共预算财政拨款支出{W(actual)}万元，完成全年预算{fullYear:0.00}万元的{completion}。{direction}",
        };
    }

    private static List<Finding> Weighing(FinalAccounts a) =>
        AccountsChecker.Standard.Check(a).Findings.Where(f => f.RuleId.StartsWith("WZ-0", StringComparison.Ordinal) && f.Severity != Severity.Info).ToList();

    private static string Percent(long actual, long budget) => $"{Math.Round(actual * 100m / budget, 2, MidpointRounding.AwayFromZero):0.00}%";

    [Fact]
    public void AStatedFullYearBudget_ThatIsTheGivenOne_AndItsCompletion_FindNothing()
    {
        var actual = Consistent().Cell("T5", "total", "total");
        var fullYear = actual + Wan(50);
        var a = Stating(fullYear / 1_000_000m, Percent(actual, fullYear)) with { FullYearBudgets = [new RowAmount(RowAmount.Total, fullYear)] };
        Assert.Empty(Weighing(a));
    }

    [Fact]
    public void AStatedFullYearBudget_OtherThanTheGivenOne_IsAnAmountFinding_OnTheFullYearBudget()
    {
        var actual = Consistent().Cell("T5", "total", "total");
        var stated = actual + Wan(50);
        var a = Stating(stated / 1_000_000m, Percent(actual, stated)) with { FullYearBudgets = [new RowAmount(RowAmount.Total, stated + Wan(10))] };
        var f = Assert.Single(Weighing(a));
        Assert.Equal(("WZ-01", "T5/total/fullYearBudget"), (f.RuleId, f.Location.Text));
        Assert.Contains("全年预算数", f.Location.Display);
    }

    [Fact]
    public void ACompletionThatTheGivenBudgetCannotGive_IsACompletionFinding_NeverComparedWithTheOpeningBudget()
    {
        var a0 = Consistent();
        var actual = a0.Cell("T5", "total", "total");
        var fullYear = actual + Wan(50);
        // The completion of the 年初预算数 cell is stated as if of the 全年预算: wrong against the given 全年预算数.
        var ofOpening = Percent(actual, a0.Cell("T5", "total", "budget"));
        var a = a0 with
        {
            Narrative = "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n" +
                        $"2023年度一般公共预算财政拨款支出{W(actual)}万元，完成全年预算的{ofOpening}。",
            FullYearBudgets = [new RowAmount(RowAmount.Total, fullYear)],
        };
        var f = Assert.Single(Weighing(a));
        Assert.Equal(("WZ-04", "T5/total/fullYearBudget"), (f.RuleId, f.Location.Text));
        Assert.Contains($"应为 {Percent(actual, fullYear)}", f.Message);
        // Without the given 全年预算数 nothing can be said of it (no table holds it): nothing is found.
        Assert.Empty(Weighing(a with { FullYearBudgets = [] }));
    }

    [Fact]
    public void ADirectionWord_AgainstTheGivenFullYearBudget()
    {
        var actual = Consistent().Cell("T5", "total", "total");
        var fullYear = actual + Wan(50);
        var a = Stating(fullYear / 1_000_000m, Percent(actual, fullYear), "决算数大于全年预算数的主要原因是项目增加。")
            with { FullYearBudgets = [new RowAmount(RowAmount.Total, fullYear)] };
        var f = Assert.Single(Weighing(a), x => x.RuleId == "WZ-06");
        Assert.Contains($"小于全年预算数 {W(fullYear)} 万元", f.Message);
    }

    [Fact]
    public void FullYearBudgets_TravelThroughTheFileAndTheWire_AndBadOnesAreRefusedByField()
    {
        var a = Consistent();
        var code = a["T5"].Rows[0].Code;
        var given = a with { FullYearBudgets = [new RowAmount(RowAmount.Total, Wan(900)), new RowAmount(code, Wan(12.34m))] };
        var text = SubmissionFileWriter.Write(given);
        Assert.Contains($"\"fullYearBudgets\": {{ \"total\": 900.00, \"{code}\": 12.34 }}", text);
        var back = SubmissionFile.Parse(text);
        Assert.Equal(given.FullYearBudgets, back.FullYearBudgets);
        Assert.Equal(given.FullYearBudgets, AccountsMapper.ToDomain(AccountsMapper.ToProto(given)).FullYearBudgets);
        Assert.NotEqual(ContentDigest.Of(a), ContentDigest.Of(given));

        var bad = a with { FullYearBudgets = [new RowAmount("9999999", Wan(1)), new RowAmount("total", Wan(1)), new RowAmount("total", Wan(2)), new RowAmount(code, -1)] };
        Assert.Equal(["fullYearBudgets.9999999", "fullYearBudgets.total", "fullYearBudgets.{code}".Replace("{code}", code)],
            AccountsValidator.Validate(bad).Select(v => v.Field));
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(text.Replace("\"total\": 900.00", "\"total\": \"九百\"")));
        Assert.Contains(e.Violations, v => v.Field.StartsWith("fullYearBudgets.total", StringComparison.Ordinal));
    }
}
