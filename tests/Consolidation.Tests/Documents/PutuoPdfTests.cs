using System.Text.RegularExpressions;
using Consolidation.Client.Inputs.Pdf;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;

namespace Consolidation.Tests.Documents;

/// <summary>
/// The real Putuo 2024 disclosure (shared/real/putuo-planning-2024.pdf, 30 pages) read from its text layer, against the
/// same document entered by hand (samples/2024/310107101-putuo-planning.json) and against pdftotext's text of its
/// table pages as the independent count of what is printed.
/// </summary>
public class PutuoPdfTests
{
    private static readonly string Pdf = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "real", "putuo-planning-2024.pdf"));
    private static readonly string Text = Path.ChangeExtension(Pdf, ".txt");
    private static readonly string Registry = Path.Combine(Repo.Root, "samples", "2024", "registry.csv");
    private static readonly Lazy<DisclosureRead> Read = new(() => DisclosurePdf.ReadDetailed(Pdf, new PdfImportOptions(Registry)));

    [Fact]
    public void EveryPrintedNumberOfItsTables_IsPlaced()
    {
        // pdftotext -layout's text from the first table title (收入支出决算总表) to 第三部分: every decimal number it prints.
        var text = File.ReadAllText(Text);
        var from = text.IndexOf("部门决算表", StringComparison.Ordinal);
        var to = text.IndexOf("第三部分", from, StringComparison.Ordinal);
        var printed = Regex.Matches(text[from..to], @"(?<![\d.])\d+\.\d{2}(?![\d.])").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
        var placed = Read.Value.Tables.SelectMany(t => t.Cells.Values).Select(c => c.Printed).Order(StringComparer.Ordinal).ToList();
        Assert.True(printed.Count > 300, $"the reference text holds {printed.Count} numbers");
        Assert.Equal(printed, placed);
    }

    [Fact]
    public void TheSubmissionRead_EqualsTheHandEnteredSample_ButForTheNarrativesSpaces()
    {
        var sample = SubmissionFile.Read(Repo.PutuoSample);
        var read = Read.Value.Accounts;
        // The one difference: the hand entry wrote "团组 0 个" where the PDF's text layer has no gap ("团组0个");
        // without spaces the two narratives are equal, and every other field is equal (the content hash).
        Assert.Equal(Regex.Replace(sample.Narrative, @"\s", ""), Regex.Replace(read.Narrative, @"\s", ""));
        Assert.Contains("团组0个", read.Narrative);
        Assert.Contains("团组 0 个", sample.Narrative);
        Assert.Equal(ContentDigest.Of(sample), ContentDigest.Of(read with { Narrative = sample.Narrative }));
    }

    [Fact]
    public void ItsFindings_EqualTheSamplesFindings()
    {
        static IEnumerable<string> Findings(Consolidation.Domain.Model.FinalAccounts a) =>
            AccountsChecker.Standard.Check(a).Findings
                .Select(f => Regex.Replace($"{f.RuleId} {f.Location.Text} {f.Message}", @"（第 \d+ 字）", "")).Order(StringComparer.Ordinal);
        // The same findings; a finding's character offset in the narrative differs by the two spaces the PDF prints in
        // "团组 0 个" of the hand entry that the PDF's text layer does not have.
        Assert.Equal(Findings(SubmissionFile.Read(Repo.PutuoSample)), Findings(Read.Value.Accounts));
    }

    [Fact]
    public void ItsFindings_NameThePageTheirFigureAndSentenceArePrintedOn()
    {
        // pdftotext's pages (split at form feeds) are the independent reference for where a sentence is printed.
        var pages = File.ReadAllText(Text).Split('\f').Select(p => Regex.Replace(p, @"\s", "")).ToList();
        var findings = AccountsChecker.Standard.Check(Read.Value.Accounts).Findings;
        var origins = Read.Value.Origins;
        var (cells, sentences) = (0, 0);
        foreach (var f in findings)
        {
            var said = origins.Of(f.Location.Table, f.Location.Row, f.Location.Column, f.Message);
            var table = Read.Value.Tables.SingleOrDefault(t => t.Id == f.Location.Table);
            if (table is not null && table.Cells.TryGetValue((f.Location.Row, f.Location.Column), out var cell))
            {
                Assert.Contains($"表中数据在第 {cell.Page} 页「{cell.Printed}」", said);
                cells++;
            }
            if (said is not null && Regex.Match(said, @"情况说明此句在第 (\d+) 页") is { Success: true } m)
            {
                var quoted = Regex.Match(f.Message, "「([^」]*)」").Groups[1].Value.Split('…').Select(q => Regex.Replace(q, @"\s", "")).MaxBy(q => q.Length)!;
                var page = int.Parse(m.Groups[1].Value);
                Assert.True(pages[page - 1].Contains(quoted[..Math.Min(12, quoted.Length)], StringComparison.Ordinal),
                    $"{f.RuleId}: 「{quoted}」 is not on page {page} of pdftotext's text");
                sentences++;
            }
        }
        Assert.True(cells > 0 && sentences > 0, $"{findings.Count} findings: {cells} named a printed cell's page, {sentences} a sentence's page");
        // Every finding that quotes the narrative names its page.
        Assert.All(findings.Where(f => f.Message.Contains("情况说明") && f.Message.Contains('「') && f.Location.Table == "NR"),
            f => Assert.Contains("情况说明此句在第", origins.Of(f.Location.Table, f.Location.Row, f.Location.Column, f.Message)));
    }

    [Fact]
    public void TheCoverCompositionNotesAndTemplate_AreRead()
    {
        var a = Read.Value.Accounts;
        Assert.Equal(("上海市普陀区规划和自然资源局", 2024, "shanghai-2024"), (a.DepartmentName, a.FiscalYear, a.Template));
        Assert.Equal(4, a.Composition.Subordinates.Count);
        Assert.Equal("上海市普陀区规划和自然资源管理事务中心", a.Composition.Subordinates[3].Name);
        Assert.StartsWith("说明：上海市普陀区规划和自然资源局本年度没有政府性基金", a.NoteOf("T8"));
        Assert.StartsWith("一、收入支出决算总体情况说明\n", a.Narrative);
        Assert.EndsWith("单价 100 万元（含）以上设备（不含车辆）0 台（套）。", a.Narrative);
    }

    [Fact]
    public void EveryCell_KeepsItsPageAndPrintedText()
    {
        var t2 = Read.Value.Tables.Single(t => t.Id == "T2");
        Assert.Equal(new PdfCell("2200150", "total", "4416.67", 9), t2.Cells[("2200150", "total")]);
        var t5 = Read.Value.Tables.Single(t => t.Id == "T5");
        Assert.Equal(15, t5.Cells[("22102", "basic")].Page);   // the table continues over a page
        Assert.Contains("tables.T7.reception.budget: 第 17 页「2.85」", Read.Value.Sources);
    }

    [Fact]
    public void WithoutTheRegistry_TheUnitsCodesAreAProblem_NothingIsGuessed()
    {
        var e = Assert.Throws<SubmissionFileException>(() => DisclosurePdf.ReadDetailed(Pdf, new PdfImportOptions()));
        Assert.Contains(e.Violations, v => v.Field == "第 1 页" && v.Message.Contains("不在名录中"));
        Assert.Contains(e.Violations, v => v.Message.Contains("下属单位「上海市普陀区土地发展中心」不在名录中"));
    }
}
