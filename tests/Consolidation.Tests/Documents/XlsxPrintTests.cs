using System.Text.RegularExpressions;
using Consolidation.Client.Documents;
using Consolidation.Client.Output.Exports;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Files;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Rules;
using Consolidation.Tests.EndToEnd;
using Consolidation.Tests.Support;
using UglyToad.PdfPig;

namespace Consolidation.Tests.Documents;

/// <summary>
/// The XLSX exports as a person opening them would print them: LibreOffice prints the workbook to PDF, and the PDF is
/// read back — every page A4 with its page number, every table's title, amounts with two decimals, and no text printed
/// over other text (a header too long for its row).
/// </summary>
public sealed class XlsxPrintTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-xlsx-print-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void TheOfficialWorkbook_PrintsOnA4_WithEveryTable_AndNoTextOverOtherText()
    {
        var path = Path.Combine(_work, "putuo-official.xlsx");
        OfficialWorkbook.Write(SubmissionFile.Read(Repo.PutuoSample), path);
        Check(LibreOffice.PrintToPdf(path));
    }

    [Fact]
    public void TheConsolidationExport_PrintsOnA4_WithEveryTable_AndNoTextOverOtherText()
    {
        var set = Directory.GetFiles(Repo.Samples2023, "*.json").Order(StringComparer.Ordinal).Select(SubmissionFile.Read)
            .Select(a => (new SubmissionRef(a.DepartmentCode, a.DepartmentName, 1, ContentDigest.Of(a)), a)).ToList();
        var filings = set.Select(s => new DepartmentFiling(s.Item1.DepartmentCode, s.Item1.DepartmentName, 1, SubmissionStatus.Accepted, 1)).ToList();
        var disclosure = DisclosureBuilder.Build(new DisclosureInputs(2023, "", set, [], filings));
        var path = Path.Combine(_work, "consolidation.xlsx");
        XlsxExport.Write(path, DisclosureMapper.ToProto(disclosure with { RunNumber = 1 }));
        Check(LibreOffice.PrintToPdf(path));
    }

    private static void Check(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var text = new List<string>();
        var borders = 0;
        foreach (var page in pages)
        {
            var (w, h) = (Math.Round(page.Width), Math.Round(page.Height));
            Assert.True((w, h) is (595, 842) or (842, 595), $"page {page.Number} is {w}×{h} pt, not A4");
            var words = page.GetWords().Where(x => !string.IsNullOrWhiteSpace(x.Text)).ToList();
            var compact = string.Concat(words.Select(x => x.Text));
            Assert.Matches(@"第\d+页，共\d+页", compact);
            text.Add(compact);
            foreach (var amount in words.Select(x => x.Text).Where(t => Regex.IsMatch(t, @"^-?[\d,]+\.\d+$")))
                Assert.Matches(@"^-?\d{1,3}(,\d{3})*\.\d{2}$", amount);
            // Text over other text: two words whose boxes overlap by more than a hairline both ways.
            for (var i = 0; i < words.Count; i++)
                for (var j = i + 1; j < words.Count; j++)
                {
                    var (a, b) = (words[i].BoundingBox, words[j].BoundingBox);
                    var dx = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                    var dy = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                    Assert.False(dx > 1 && dy > 1, $"page {page.Number}: «{words[i].Text}» and «{words[j].Text}» are printed over each other");
                }
            // Text across a cell's border: a horizontal rule passing through a word (a header taller than its row).
            var rules = page.Paths.SelectMany(p => p).Select(sp => sp.GetBoundingRectangle())
                .Where(r => r is { } x && x.Height < 1.5 && x.Width > 5).Select(r => r!.Value).ToList();
            borders += rules.Count;
            foreach (var word in words)
            {
                var box = word.BoundingBox;
                var across = rules.FirstOrDefault(r => r.Left < box.Centroid.X && box.Centroid.X < r.Right
                    && box.Bottom + 1.5 < r.Centroid.Y && r.Centroid.Y < box.Top - 1.5);
                Assert.True(across.Width == 0, $"page {page.Number}: «{word.Text}» is printed across a cell border at {across.Centroid.Y:0.#} pt");
            }
        }
        Assert.True(borders > 100, $"only {borders} cell borders found: the check of text across borders saw nothing");
        var all = string.Concat(text);
        foreach (var layout in StandardLayouts.All)
            Assert.Contains(Regex.Replace(layout.Name, @"\s", ""), all);
    }
}
