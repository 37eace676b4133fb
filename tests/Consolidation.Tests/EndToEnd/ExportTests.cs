using System.IO.Compression;
using System.Text;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.EndToEnd;

/// <summary>
/// The exports as a user gets them: the real server, every sample submitted with the real client, <c>fa consolidate</c>
/// writing HTML, XLSX, CSV and JSON; the HTML opened in headless Chromium (screenshot and rendered DOM).
/// </summary>
[Collection("end-to-end")]
public sealed class ExportTests(ExportTests.Exported exported) : IClassFixture<ExportTests.Exported>
{
    /// <summary>Once for the class: the server, four samples submitted (one rejected, the rest missing), every export written.</summary>
    public sealed class Exported : IDisposable
    {
        private readonly ServerProcess _server = new(Path.Combine(Repo.Samples2023, "registry.csv"));

        public Exported()
        {
            Work = Directory.CreateTempSubdirectory("fa-e2e-exports").FullName;
            foreach (var code in new[] { "401001", "405001", "410001", "431001" })
            {
                var file = Directory.GetFiles(Repo.Samples2023, $"{code}-*.json").Single();
                var submit = Client.Run(_server.Address, "submit", file);
                Assert.True(submit.ExitCode is 0 or 1, submit.ToString());
            }
            Assert.Equal(0, Client.Run(_server.Address, "review", "accept", "--all", "--year", "2023").ExitCode);
            var run = Client.Run(_server.Address, "consolidate", "--year", "2023", "--out", Path.Combine(Work, "2023.html"));
            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var format in new[] { "xlsx", "csv", "json" })
            {
                var export = Client.Run(_server.Address, "consolidation", "--year", "2023", "--format", format, "--out", Path.Combine(Work, $"2023.{format}"));
                Assert.True(export.ExitCode == 0, export.ToString());
            }
        }

        public string Work { get; }

        public void Dispose()
        {
            _server.Dispose();
            Directory.Delete(Work, recursive: true);
        }
    }

    private readonly string _work = exported.Work;

    [Fact]
    public void HtmlExport_OpenedInHeadlessChromium_RendersItsTablesAndCharts()
    {
        Chromium.Require(); // fails loudly when chromium is missing
        var html = Path.Combine(_work, "2023.html");
        var url = new Uri(html).AbsoluteUri;

        var screenshot = Path.Combine(_work, "2023.png");
        Chromium.Run(url, $"--screenshot={screenshot}", "--window-size=1280,4000", "--hide-scrollbars");
        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 20_000, $"the screenshot is {png.Length} bytes: an empty page?");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var dom = Chromium.Run(url, "--dump-dom");
        Assert.Contains("全市汇总 2023 年度部门决算汇总公开", dom);
        Assert.Contains("注意：本汇总不完整", dom); // the first page says who is missing
        Assert.Contains("401101 岳阳市统计局", dom);
        Assert.True(dom.IndexOf("注意：本汇总不完整", StringComparison.Ordinal) < dom.IndexOf("第一部分", StringComparison.Ordinal));
        foreach (var table in new[] { "T1", "T2", "T3", "T4", "T5", "T6", "T7" })
            Assert.Contains($"<table id=\"{table}\" data-table=\"{table}\">", dom);
        Assert.Contains("<table id=\"departments\"", dom);
        Assert.Contains("<svg id=\"chart-expenditure\"", dom);
        Assert.Contains("<svg id=\"chart-three-public\"", dom);
        Assert.True(CountOf(dom, "<rect class=\"bar\"") >= 4 + 5, "the charts have their bars");
        Assert.Contains("data-label=\"公务接待费\"", dom);
        Assert.Contains("第三部分 汇总决算情况说明", dom);
        Assert.Contains("2023年度收入合计", dom);
        Assert.Contains("第四部分 名词解释", dom);
        Assert.DoesNotContain("<script", dom);
        Assert.DoesNotContain("http://", dom.Replace("http://www.w3.org/2000/svg", "")); // self-contained
    }

    [Fact]
    public void XlsxCsvAndJsonExports_KeepCodesAsText_AndCsvHasABom()
    {
        var csv = File.ReadAllBytes(Path.Combine(_work, "2023.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("表号,表名,科目编码,项目,栏目,金额（万元）,金额（分）", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("T5,一般公共预算财政拨款支出决算表,\"2050201\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("部门,纳入汇总的部门及主要指标,\"405001\",岳阳市教育局,收入合计,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("T6,一般公共预算财政拨款基本支出决算明细表,\"30101\",", StringComparison.Ordinal));

        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(_work, "2023.xlsx"));
        string[] sheets = ["概况", "公开01表 收入支出决算总表", "公开02表 收入决算表", "公开03表 支出决算表", "公开04表 财政拨款收入支出决算总表",
            "公开05表 一般公共预算财政拨款支出决算表", "公开06表 一般公共预算财政拨款基本支出决算明细表", "公开07表 财政拨款“三公”经费支出决算表",
            "公开08表 政府性基金预算财政拨款收入支出决算表", "公开09表 国有资本经营预算财政拨款支出决算表", "部门", "抵销", "来源"];
        Assert.Equal(sheets.Select(n => n.Length > 31 ? n[..31] : n), workbook.Worksheets.Select(w => w.Name));
        // T5 in the official layout: 科目编码 split 类 | 款 | 项 as text cells, amounts as #,##0.00 numbers.
        var t5 = workbook.Worksheet(2 + 4);
        var row = t5.RowsUsed().First(r => r.Cell(1).GetString() == "205" && r.Cell(2).GetString() == "02" && r.Cell(3).GetString() == "01");
        Assert.Equal(ClosedXML.Excel.XLDataType.Text, row.Cell(2).DataType);
        Assert.Equal(ClosedXML.Excel.XLDataType.Number, row.Cell(5).DataType);
        Assert.Equal("#,##0.00", row.Cell(5).Style.NumberFormat.Format);
        Assert.Equal("编制单位：全市汇总", t5.Cell(3, 1).GetString());
        Assert.Equal(ClosedXML.Excel.XLPaperSize.A4Paper, t5.PageSetup.PaperSize);
        Assert.Equal(ClosedXML.Excel.XLDataType.Text, workbook.Worksheet("部门").Cell(2, 1).DataType);

        var json = File.ReadAllText(Path.Combine(_work, "2023.json"));
        Assert.Contains("\"contentHash\"", json);
        Assert.Contains("\"coverageSummary\"", json);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
