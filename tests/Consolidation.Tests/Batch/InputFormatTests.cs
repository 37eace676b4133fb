using ClosedXML.Excel;
using Consolidation.Client.Inputs;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.Batch;

/// <summary>The XLSX workbook and the CSV folder: the seed samples equal the JSON sample; bad layouts say where.</summary>
public sealed class InputFormatTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fa-formats", Guid.NewGuid().ToString("n"));

    public InputFormatTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string SeedWorkbook => Path.Combine(Repo.Samples2023, "xlsx", "431001-yueyang-port-office.xlsx");
    private static string SeedCsv => Path.Combine(Repo.Samples2023, "csv", "431001-yueyang-port-office");

    private static ByteString Submission(FinalAccounts a) => AccountsMapper.ToProto(a).ToByteString();

    [Fact]
    public void SeedWorkbookSample_IsExactlyTheJsonSample()
    {
        Assert.Equal(Submission(SubmissionFile.Read(Repo.SeedSample)), Submission(SubmissionInput.Read(SeedWorkbook)));
    }

    [Fact]
    public void SeedCsvSample_IsExactlyTheJsonSample()
    {
        Assert.Equal(Submission(SubmissionFile.Read(Repo.SeedSample)), Submission(SubmissionInput.Read(SeedCsv)));
    }

    [Fact]
    public void SyntheticDepartments_RoundTripThroughWorkbookAndCsv_InBothUnits()
    {
        foreach (var a in SyntheticBatch.Departments(6, seed: 11))
        {
            var xlsx = Path.Combine(_dir, a.DepartmentCode + ".xlsx");
            var csv = Path.Combine(_dir, a.DepartmentCode);
            SubmissionInput.Write(a, xlsx, InputFormat.Workbook);
            SubmissionInput.Write(a, csv, InputFormat.CsvFolder);
            Assert.Equal(Submission(a), Submission(SubmissionInput.Read(xlsx)));
            Assert.Equal(Submission(a), Submission(SubmissionInput.Read(csv)));
        }
    }

    private static FinalAccounts WithTransfers() => Accounts.Seed() with
    {
        InternalTransfers =
        [
            new InternalTransfer(InternalTransferKind.SuperiorSubsidyReceived, "401001", Accounts.Wan(12.34m), "2010301"),
            new InternalTransfer(InternalTransferKind.RemittanceToSuperiorPaid, "401001", Accounts.Wan(0.05m), "2080505", "431001"),
        ],
    };

    [Fact]
    public void InternalTransfers_RoundTripThroughWorkbookAndCsv_NothingLost()
    {
        var a = WithTransfers();
        var xlsx = Path.Combine(_dir, "transfers.xlsx");
        var csv = Path.Combine(_dir, "transfers");
        SubmissionInput.Write(a, xlsx, InputFormat.Workbook);
        SubmissionInput.Write(a, csv, InputFormat.CsvFolder);
        Assert.Equal(Submission(a), Submission(SubmissionInput.Read(xlsx)));
        Assert.Equal(Submission(a), Submission(SubmissionInput.Read(csv)));
        Assert.Contains("上级补助收入", File.ReadAllText(Path.Combine(csv, CsvFolderFormat.TransferFile)));
        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheet(WorkbookFormat.TransferSheet);
        Assert.Equal("2010301", sheet.Cell(2, 4).GetString()); // codes stay text; the amount is a number
        Assert.Equal(12.34, sheet.Cell(2, 3).GetDouble());
    }

    [Fact]
    public void InternalTransfers_BadRow_IsRefusedNamingFileRowAndColumn()
    {
        var csv = Path.Combine(_dir, "bad-transfers");
        SubmissionInput.Write(WithTransfers(), csv, InputFormat.CsvFolder);
        var path = Path.Combine(csv, CsvFolderFormat.TransferFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("上缴上级支出", "上交").Replace("12.34", "-1"));
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionInput.Read(csv));
        Assert.Contains(e.Violations, v => v.Field.Contains(CsvFolderFormat.TransferFile) && v.Field.Contains("第 3 行") && v.Message.Contains("往来类型“上交”无效"));
        Assert.Contains(e.Violations, v => v.Field.Contains(CsvFolderFormat.TransferFile) && v.Field.Contains("第 2 行") && v.Message.Contains("为负"));
    }

    [Fact]
    public void LongNarrative_SpansCells_AndRoundTrips()
    {
        var a = Accounts.Seed() with { Narrative = string.Concat(Enumerable.Repeat("决算情况说明。\n", 9000)) };
        var xlsx = Path.Combine(_dir, "long.xlsx");
        SubmissionInput.Write(a, xlsx, InputFormat.Workbook);
        Assert.Equal(a.Narrative, SubmissionInput.Read(xlsx).Narrative);
    }

    [Fact]
    public void Templates_HaveEveryTable_AndAreRefusedUntilFilledIn()
    {
        var xlsx = Path.Combine(_dir, "template.xlsx");
        WorkbookFormat.Write(AccountsGrids.Template(AmountPrecision.WanYuan2), "", xlsx);
        using (var wb = new XLWorkbook(xlsx))
            Assert.Equal(["基本信息", "T1 收入支出决算总表", "T2 收入决算表", "T3 支出决算表", "T4 财政拨款收入支出决算总表", "T5 一般公共预算财政拨款支出决算表",
                "T6 一般公共预算财政拨款基本支出决算明细表", "T7 财政拨款“三公”经费支出决算表", "T8 政府性基金预算财政拨款收入支出决算表", "T9 国有资本经营预算财政拨款支出决算表",
                "出错说明", "内部往来", "情况说明"], wb.Worksheets.Select(w => w.Name));
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionInput.Read(xlsx));
        Assert.Contains(e.Violations, v => v.Field == "工作表「基本信息」第 2 行 B 列" && v.Message == "缺少「部门编码」");

        var csv = Path.Combine(_dir, "template");
        CsvFolderFormat.Write(AccountsGrids.Template(AmountPrecision.Yuan), csv);
        Assert.Equal(["T1.csv", "T2.csv", "T3.csv", "T4.csv", "T5.csv", "T6.csv", "T7.csv", "T8.csv", "T9.csv", "explanations.csv", "info.csv", "narrative.txt", "transfers.csv"],
            Directory.GetFiles(csv).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var c = Assert.Throws<SubmissionFileException>(() => SubmissionInput.Read(csv));
        Assert.Contains(c.Violations, v => v.Field == "info.csv 第 2 行第 2 列" && v.Message == "缺少「部门编码」");
    }

    private string SeedWorkbookCopy(Action<XLWorkbook> change)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("n") + ".xlsx");
        using (var wb = new XLWorkbook(SeedWorkbook))
        {
            change(wb);
            wb.SaveAs(path);
        }
        return path;
    }

    private static IReadOnlyList<Consolidation.Domain.Validation.Violation> Problems(string path) =>
        Assert.Throws<SubmissionFileException>(() => SubmissionInput.Read(path)).Violations;

    [Fact]
    public void WorkbookBadAmount_NamesSheetRowAndColumn()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T5 一般公共预算财政拨款支出决算表").Cell(5, 4).SetValue("12.3.4"));
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T5 一般公共预算财政拨款支出决算表」第 5 行 D 列", v.Field);
        Assert.Contains("不是金额", v.Message);
    }

    [Fact]
    public void WorkbookTooManyDecimals_NamesTheCell()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T3 支出决算表").Cell(6, 3).SetValue(1.234));
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T3 支出决算表」第 6 行 C 列", v.Field);
        Assert.Contains("小数位数过多", v.Message);
    }

    [Fact]
    public void WorkbookWrongHeader_NamesTheHeaderCell()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T2 收入决算表").Cell(3, 4).SetValue("财政拨款"));
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T2 收入决算表」第 3 行 D 列", v.Field);
        Assert.Contains("表头应为「财政拨款收入」，实为「财政拨款」", v.Message);
    }

    [Fact]
    public void WorkbookMissingSheet_NamesTheSheet()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T7 财政拨款“三公”经费支出决算表").Delete());
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T7 财政拨款“三公”经费支出决算表」", v.Field);
        Assert.Contains("缺少 T7", v.Message);
    }

    [Fact]
    public void WorkbookUnknownRowWithoutCode_NamesTheRow()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T1 收入支出决算总表").Cell(4, 2).SetValue("财政拨款收入"));
        var problems = Problems(path);
        Assert.Contains(problems, v => v.Field == "工作表「T1 收入支出决算总表」第 4 行 B 列" && v.Message.Contains("不认识的行「财政拨款收入」"));
        Assert.Contains(problems, v => v.Field == "工作表「T1 收入支出决算总表」" && v.Message == "缺少「一般公共预算财政拨款收入」行");
    }

    [Fact]
    public void WorkbookUnitRowDisagreeingWithInfo_IsRefused()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T4 财政拨款收入支出决算总表").Cell(2, 6).SetValue("金额单位：元"));
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T4 财政拨款收入支出决算总表」第 2 行 F 列", v.Field);
        Assert.Contains("与基本信息的“万元”不一致", v.Message);
    }

    [Fact]
    public void NotAWorkbook_IsABadFile()
    {
        var path = Path.Combine(_dir, "not.xlsx");
        File.WriteAllText(path, "this is not a workbook");
        var v = Assert.Single(Problems(path));
        Assert.Equal("(工作簿)", v.Field);
    }

    [Fact]
    public void WorkbookEmptyAmountCell_IsRefusedNamingTheCell_NeverReadAsZero()
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet("T3 支出决算表").Cell(6, 3).Clear());
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T3 支出决算表」第 6 行 C 列", v.Field);
        Assert.Contains("金额为空", v.Message);
    }

    /// <summary>A formula as many tools write it: the formula and no cached value (no &lt;v&gt; element).</summary>
    private string SeedWorkbookWithFormula(string sheet, string cell, string formula)
    {
        var path = SeedWorkbookCopy(wb => wb.Worksheet(sheet).Cell(cell).FormulaA1 = formula);
        StripCachedValues(path);
        return path;
    }

    private static void StripCachedValues(string path)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, isEditable: true);
        foreach (var part in doc.WorkbookPart!.WorksheetParts)
        {
            foreach (var c in part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.CellFormula is not null).ToList())
            {
                c.CellValue?.Remove();
                c.DataType = null;
            }
            part.Worksheet.Save();
        }
    }

    [Fact]
    public void WorkbookFormulaWithoutCachedValue_IsEvaluated_SoTheAccountsAreUnchanged()
    {
        // An amount written as a formula giving the same number (a float sum: 0.1+0.2 style noise is rounded away).
        double value;
        using (var wb = new XLWorkbook(SeedWorkbook)) value = wb.Worksheet("T3 支出决算表").Cell("C6").GetDouble();
        Assert.True(value > 1);
        var formula = $"{(decimal)value - 0.7m}+0.1+0.2+0.4";
        var path = SeedWorkbookWithFormula("T3 支出决算表", "C6", formula);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false))
            Assert.Contains(doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()),
                c => c.CellFormula is not null && c.CellValue is null);

        Assert.Equal(Submission(SubmissionInput.Read(SeedWorkbook)), Submission(SubmissionInput.Read(path)));
    }

    [Fact]
    public void WorkbookFormulaThatCannotBeEvaluated_IsRefusedNamingTheCell_NeverReadAsZero()
    {
        var path = SeedWorkbookWithFormula("T3 支出决算表", "C6", "[其他工作簿.xlsx]Sheet1!A1");
        var v = Assert.Single(Problems(path));
        Assert.Equal("工作表「T3 支出决算表」第 6 行 C 列", v.Field);
        Assert.Contains("公式", v.Message);
    }

    private string SeedCsvCopy()
    {
        var dir = Path.Combine(_dir, Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(SeedCsv)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void CsvBadAmount_NamesFileRowAndColumn()
    {
        var dir = SeedCsvCopy();
        var t3 = Path.Combine(dir, "T3.csv");
        var lines = File.ReadAllLines(t3);
        var cells = lines[3].Split(',');
        cells[2] = "abc";
        lines[3] = string.Join(",", cells);
        File.WriteAllLines(t3, lines);
        var v = Assert.Single(Problems(dir));
        Assert.Equal("T3.csv 第 4 行第 3 列", v.Field);
        Assert.Contains("“abc”不是金额", v.Message);
    }

    [Fact]
    public void CsvEmptyAmountCell_IsRefusedNamingTheCell()
    {
        var dir = SeedCsvCopy();
        var t3 = Path.Combine(dir, "T3.csv");
        var lines = File.ReadAllLines(t3);
        var cells = lines[3].Split(',');
        cells[2] = "";
        lines[3] = string.Join(",", cells);
        File.WriteAllLines(t3, lines);
        var v = Assert.Single(Problems(dir));
        Assert.Equal("T3.csv 第 4 行第 3 列", v.Field);
        Assert.Contains("金额为空", v.Message);
    }

    [Fact]
    public void CsvMissingTableFile_NamesTheFile()
    {
        var dir = SeedCsvCopy();
        File.Delete(Path.Combine(dir, "T8.csv"));
        var v = Assert.Single(Problems(dir));
        Assert.Equal("T8.csv", v.Field);
    }

    [Fact]
    public void CsvCodedRowInT7_IsRefused()
    {
        var dir = SeedCsvCopy();
        File.AppendAllText(Path.Combine(dir, "T7.csv"), "30217,公务接待费,1.00,1.00\r\n");
        var v = Assert.Single(Problems(dir));
        Assert.Equal("T7.csv 第 8 行第 1 列", v.Field);
        Assert.Contains("没有科目编码行", v.Message);
    }
}
