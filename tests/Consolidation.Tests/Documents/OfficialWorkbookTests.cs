using ClosedXML.Excel;
using Consolidation.Client.Documents;
using Consolidation.Client.Inputs;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Documents;

/// <summary>The official 公开表 workbook: every sample written in that layout and read back is the same submission.</summary>
public sealed class OfficialWorkbookTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-official-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string> Samples() =>
    [
        .. Directory.GetFiles(Repo.Samples2023, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal),
        Path.Combine("..", "2024", Path.GetFileName(Repo.PutuoSample)),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySample_WrittenInTheOfficialLayoutAndReadBack_IsTheSameSubmission(string sample)
    {
        var accounts = SubmissionFile.Read(Path.Combine(Repo.Samples2023, sample));
        var path = Path.Combine(_work, Path.ChangeExtension(Path.GetFileName(sample), ".xlsx"));
        OfficialWorkbook.Write(accounts, path);
        var read = SubmissionInput.Read(path);
        Assert.Equal(SubmissionFileWriter.Write(accounts), SubmissionFileWriter.Write(read));
        Assert.Equal(ContentDigest.Of(accounts), ContentDigest.Of(read));
    }

    [Fact]
    public void TheSheets_AreLaidOutAsThePublicTables()
    {
        var accounts = SubmissionFile.Read(Repo.PutuoSample);
        var path = Path.Combine(_work, "putuo.xlsx");
        OfficialWorkbook.Write(accounts, path);
        using var workbook = new XLWorkbook(path);
        var t1 = workbook.Worksheet("公开01表 收入支出决算总表");
        Assert.Equal("公开01表", t1.Cell(1, 4).GetString());
        Assert.Equal("收入支出决算总表", t1.Cell(2, 1).GetString());
        Assert.True(t1.Cell(2, 1).IsMerged());
        Assert.Equal("编制单位：上海市普陀区规划和自然资源局", t1.Cell(3, 1).GetString());
        Assert.Equal("金额单位：万元", t1.Cell(3, 3).GetString());
        Assert.Equal(["收入", "", "支出", ""], Enumerable.Range(1, 4).Select(c => t1.Cell(4, c).GetString()));
        Assert.Equal("一、一般公共预算财政拨款收入", t1.Cell(6, 1).GetString());
        Assert.Equal(9746.50, t1.Cell(6, 2).GetDouble());
        Assert.Equal("#,##0.00", t1.Cell(6, 2).Style.NumberFormat.Format);
        Assert.Equal(XLPaperSize.A4Paper, t1.PageSetup.PaperSize);
        Assert.Equal(5, t1.SheetView.SplitRow);   // frozen under the header rows

        var t2 = workbook.Worksheet("公开02表 收入决算表");
        Assert.Equal(["类", "款", "项", ""], Enumerable.Range(1, 4).Select(c => t2.Cell(6, c).GetString()));
        var row = t2.RowsUsed().First(r => r.Cell(4).GetString() == "行政单位离退休");
        Assert.Equal(("208", "05", "01"), (row.Cell(1).GetString(), row.Cell(2).GetString(), row.Cell(3).GetString()));
        Assert.Equal(XLDataType.Text, row.Cell(2).DataType);   // 05 keeps its zero
        var t8 = workbook.Worksheet("公开08表 政府性基金预算财政拨款收入支出决算表");
        Assert.StartsWith("说明：上海市普陀区规划和自然资源局本年度没有政府性基金", t8.LastRowUsed().Cell(1).GetString());
    }
}
