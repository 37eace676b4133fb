using System.Text.RegularExpressions;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Domain;

/// <summary>The submission file format: a bad file is refused with the file, the field and what is wrong.</summary>
public class SubmissionFileTests
{
    private static readonly string SeedJson = File.ReadAllText(Repo.SeedSample);

    private static SubmissionFileException Refused(string json) =>
        Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(json, "bad.json"));

    [Fact]
    public void Seed_ReadsWithItsDeclaredPrecision()
    {
        var a = SubmissionFile.Parse(SeedJson);
        Assert.Equal(AmountPrecision.WanYuan2, a.Precision);
        Assert.Equal(791_590_000, a.Cell("T1", "generalBudgetAppropriation", "amount"));
        Assert.Equal(9, a.Tables.Count);
        Assert.StartsWith("（说明：1、", a.Narrative);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameAccounts()
    {
        var a = SubmissionFile.Parse(SeedJson);
        var b = SubmissionFile.Parse(SubmissionFileWriter.Write(a, new Provenance("test", false, ["x"])));
        Assert.Equal(Contracts(a), Contracts(b));
    }

    private static string Contracts(FinalAccounts a) =>
        Consolidation.Contracts.Mapping.AccountsMapper.ToProto(a).ToString();

    [Fact]
    public void NotJson_NamesTheLine()
    {
        var e = Refused("{\n  \"format\": \"final-accounts/1\",\n  oops\n}");
        Assert.Equal("bad.json", e.File);
        Assert.Contains("第 3 行", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Truncated_IsRefused() => Assert.NotEmpty(Refused(SeedJson[..(SeedJson.Length / 2)]).Violations);

    [Fact]
    public void MissingTable_NamesIt()
    {
        var json = Regex.Replace(SeedJson, "\"T9\": \\{[^\\n]*\\}\\n", "");
        json = json.Replace("\"T8\": { \"total\": { \"openingBalance\": 0.00, \"income\": 0.00, \"expenditureTotal\": 0.00, \"basic\": 0.00, \"project\": 0.00, \"closingBalance\": 0.00 }, \"rows\": [] },", "\"T8\": { \"total\": { \"openingBalance\": 0.00, \"income\": 0.00, \"expenditureTotal\": 0.00, \"basic\": 0.00, \"project\": 0.00, \"closingBalance\": 0.00 }, \"rows\": [] }");
        var e = Refused(json);
        Assert.Contains(e.Violations, v => v.Field == "tables.T9" && v.Message.Contains("国有资本经营"));
    }

    [Fact]
    public void NegativeAmount_NamesTheCell()
    {
        var e = Refused(SeedJson.Replace("\"otherIncome\": 95.23", "\"otherIncome\": -95.23"));
        var v = Assert.Single(e.Violations);
        Assert.Equal("tables.T1.otherIncome", v.Field);
        Assert.Contains("为负", v.Message);
    }

    [Fact]
    public void NonNumericAmount_NamesTheCell()
    {
        var e = Refused(SeedJson.Replace("\"incomeTotal\": 886.82", "\"incomeTotal\": \"八百\""));
        Assert.Equal("tables.T1.incomeTotal", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void TooManyDecimals_ForWanYuan_IsRefused()
    {
        var e = Refused(SeedJson.Replace("\"incomeTotal\": 886.82", "\"incomeTotal\": 886.825"));
        Assert.Contains("小数位数过多", Assert.Single(e.Violations).Message);
    }

    [Fact]
    public void MissingColumn_NamesRowAndColumn()
    {
        var e = Refused(SeedJson.Replace("\"budget\": 463.48, ", ""));
        var v = Assert.Single(e.Violations);
        Assert.Equal("tables.T5.total.budget", v.Field);
        Assert.Contains("年初预算数", v.Message);
    }

    [Fact]
    public void UnknownField_IsRefused_SoTyposAreNotSilentlyDropped()
    {
        var e = Refused(SeedJson.Replace("\"otherIncome\": 95.23", "\"otherIncom\": 95.23, \"otherIncome\": 95.23"));
        Assert.Contains(e.Violations, v => v.Field == "tables.T1.otherIncom" && v.Message.Contains("未知字段"));
    }

    [Fact]
    public void BadDepartmentCode_IsRefused()
    {
        var e = Refused(SeedJson.Replace("\"department\": { \"code\": \"431001\"", "\"department\": { \"code\": \"43-1001\""));
        Assert.Contains(e.Violations, v => v.Field == "department.code" && v.Message.Contains("6 至 12 位数字"));
    }

    [Fact]
    public void BadUnit_IsRefused() =>
        Assert.Contains(Refused(SeedJson.Replace("\"unit\": \"万元\"", "\"unit\": \"千元\"")).Violations, v => v.Field == "unit");

    [Fact]
    public void DuplicateRowCode_IsRefused()
    {
        var e = Refused(SeedJson.Replace("\"code\": \"2010302\", \"name\": \"一般行政管理事务\", \"total\": 2.16, \"fiscal\"", "\"code\": \"2010301\", \"name\": \"一般行政管理事务\", \"total\": 2.16, \"fiscal\""));
        Assert.Contains(e.Violations, v => v.Field == "tables.T2.rows[3].code" && v.Message.Contains("重复"));
    }

    [Fact]
    public void EveryProblem_IsReported_NotOnlyTheFirst()
    {
        var json = SeedJson.Replace("\"otherIncome\": 95.23", "\"otherIncome\": -1").Replace("\"incomeTotal\": 886.82", "\"incomeTotal\": \"x\"");
        Assert.True(Refused(json).Violations.Count >= 2);
    }

    [Fact]
    public void EmptyFile_IsRefused() => Assert.NotEmpty(Refused("").Violations);

    [Fact]
    public void MissingFile_IsRefusedWithItsName()
    {
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Read("/nonexistent/x.json"));
        Assert.Equal("/nonexistent/x.json", e.File);
    }

    [Fact]
    public void FileWithAByteOrderMark_ReadsAsWithout()
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(SeedJson);
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();
        Assert.Equal(SubmissionFileWriter.Write(SubmissionFile.Parse(plain)), SubmissionFileWriter.Write(SubmissionFile.Parse(withBom)));
    }

    [Fact]
    public void BadAmountText_NamesRowAndColumn_AndQuotesTheText()
    {
        var e = Refused(SeedJson.Replace("\"budget\": 463.48, ", "\"budget\": \"463.4.8\", "));
        var v = Assert.Single(e.Violations);
        Assert.Equal("tables.T5.total.budget", v.Field);
        Assert.Contains("“463.4.8”不是金额", v.Message);
    }

    /// <summary>The seed with T2's second row replaced by <paramref name="broken"/>: the violations reported for that row.</summary>
    private static List<Violation> SecondT2RowViolations(string broken)
    {
        const string row = "{ \"code\": \"20103\", \"name\": \"政府办公厅（室）及相关机构事务\", \"total\": 381.19, \"fiscal\": 381.19, \"superiorSubsidy\": 0.00, \"business\": 0.00, \"operating\": 0.00, \"subsidiaryRemittance\": 0.00, \"other\": 0.00 }";
        Assert.Contains(row, SeedJson);
        var e = Refused(SeedJson.Replace(row, broken));
        return e.Violations.Where(v => v.Field.StartsWith("tables.T2.rows[1]", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void CodedRow_UnknownMissingAndBadCells_AreEachNamed_InTheFileOrderThenColumnOrder()
    {
        var broken = "{ \"code\": \"20103\", \"name\": \"政府办公厅（室）及相关机构事务\", \"fiscal\": \"x\", \"totl\": 381.19, \"superiorSubsidy\": 0.00, \"business\": -1, \"operating\": 0.00, \"subsidiaryRemittance\": 0.00, \"other\": 0.00 }";
        var table = SecondT2RowViolations(broken);
        Assert.Equal(["tables.T2.rows[1].totl", "tables.T2.rows[1].total", "tables.T2.rows[1].fiscal", "tables.T2.rows[1].business"], table.Select(v => v.Field));
        Assert.Contains("未知字段", table[0].Message);
        Assert.Contains("缺少", table[1].Message);
        Assert.Contains("“x”不是金额", table[2].Message);
        Assert.Contains("为负", table[3].Message);
    }

    [Fact]
    public void CodedRow_CodeAndNameProblems_ComeFirst_ThenUnknownFields_ThenColumns()
    {
        var broken = "{ \"total\": 381.19, \"remark\": \"?\", \"name\": 20103, \"fiscal\": 381.19, \"superiorSubsidy\": 0.00, \"business\": 0.00, \"operating\": 0.00, \"subsidiaryRemittance\": 0.00 }";
        var table = SecondT2RowViolations(broken);
        Assert.Equal(["tables.T2.rows[1].code", "tables.T2.rows[1].name", "tables.T2.rows[1].remark", "tables.T2.rows[1].other"], table.Select(v => v.Field));
        Assert.Contains("缺少此字段", table[0].Message);
        Assert.Contains("实为", table[1].Message);
        Assert.Contains("未知字段", table[2].Message);
        Assert.Contains("缺少", table[3].Message);
    }

    [Fact]
    public void CodedRow_FieldNamedTwice_IsRefused_NeverTheLastValueWins()
    {
        // Issue 15: a duplicate key was silently taken (the second one won); it is now an error naming where.
        var row = "{ \"code\": \"20103\", \"name\": \"政府办公厅（室）及相关机构事务\", \"total\": 381.19,";
        Assert.Contains(row, SeedJson);
        var e = Assert.Throws<SubmissionFileException>(() =>
            SubmissionFile.Parse(SeedJson.Replace(row, "{ \"code\": \"99999\", \"code\": \"20103\", \"name\": \"政府办公厅（室）及相关机构事务\", \"total\": 381.19,")));
        Assert.Contains("不是有效的 JSON", e.Violations.Single().Message);
    }

    [Fact]
    public void TopLevelKeyNamedTwice_IsRefused()
    {
        var i = SeedJson.IndexOf("\"fiscalYear\"", StringComparison.Ordinal);
        Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(SeedJson[..i] + "\"fiscalYear\": 2099, " + SeedJson[i..]));
    }

    [Fact]
    public void InvalidUtf8_IsRefused_NamingTheByte()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(SeedJson).ToList();
        bytes.InsertRange(100, new byte[] { 0xC4, 0xE3 });
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(bytes.ToArray()));
        Assert.Contains("第 101 字节", e.Violations.Single().Message);
    }
}
