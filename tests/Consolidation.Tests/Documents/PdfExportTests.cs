using System.Text.RegularExpressions;
using Consolidation.Client.Documents;
using Consolidation.Client.Inputs.Pdf;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Tests.EndToEnd;
using Consolidation.Tests.Support;
using UglyToad.PdfPig;

namespace Consolidation.Tests.Documents;

/// <summary>
/// The disclosure printed to PDF by headless Chromium (the HTML of <see cref="DisclosureHtml"/>) and read back by the
/// PDF reader: the same submission as far as a published disclosure carries it; A4 pages, two-decimal amounts, no
/// heading alone at a page's foot.
/// </summary>
public sealed class PdfExportTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fa-pdf-export-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string> Samples() => OfficialWorkbookTests.Samples();

    private static string RegistryOf(string samplePath) => Path.Combine(Path.GetDirectoryName(samplePath)!, "registry.csv");

    /// <summary>What a published disclosure does not print: 补充资料, 出错说明, 内部往来, 全年预算数.</summary>
    private static FinalAccounts Printed(FinalAccounts a) =>
        a with { Supplementary = null, Explanations = [], InternalTransfers = [], FullYearBudgets = [] };

    private string Print(FinalAccounts a, string name)
    {
        Chromium.Require();
        var pdf = Path.Combine(_work, name + ".pdf");
        PdfPrinter.Print(DisclosureHtml.Render(a), pdf);
        return pdf;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySample_PrintedToPdfAndReadBack_IsTheSameSubmission(string sample)
    {
        var path = Path.Combine(Repo.Samples2023, sample);
        var accounts = SubmissionFile.Read(path);
        var pdf = Print(accounts, Path.GetFileNameWithoutExtension(sample));
        var read = DisclosurePdf.Read(pdf, new PdfImportOptions(RegistryOf(path)));
        var expected = Printed(accounts);
        // The template: recognised from the layout where what it leaves out tells it (Putuo's shanghai-2024); a layout that
        // prints every cell names none, as the 2023 samples do.
        Assert.Equal(expected.Template, read.Template);
        // The narrative: the same text, but where a printed line broke at a space the space is gone (the reader cannot
        // tell a space at a line break from none: a real PDF's text layer joins "总计" and "9859.38" with none).
        Assert.Equal(Regex.Replace(expected.Narrative, @"\s", ""), Regex.Replace(read.Narrative, @"\s", ""));
        Assert.Equal(expected.Narrative.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, read.Narrative.Split('\n').Length);   // every heading and paragraph
        var same = expected with { Narrative = read.Narrative };
        Assert.Equal(SubmissionFileWriter.Write(same), SubmissionFileWriter.Write(read));
        Assert.Equal(ContentDigest.Of(same), ContentDigest.Of(read));
    }

    [Fact]
    public void ThePdf_IsA4_ItsAmountsHaveTwoDecimals_AndNoHeadingEndsAPage()
    {
        var accounts = SubmissionFile.Read(Repo.PutuoSample);
        var pdf = Print(accounts, "putuo");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count >= 12, $"{pages.Count} pages");
        foreach (var page in pages)
        {
            var (w, h) = (Math.Round(page.Width), Math.Round(page.Height));
            Assert.True((w, h) is (595, 842) or (842, 595), $"page {page.Number} is {w}×{h} pt, not A4");
        }
        var lines = PdfText.ReadPages(pdf);
        for (var p = 0; p < lines.Count; p++)
        {
            var text = lines[p].Where(l => !Regex.IsMatch(l.Compact, @"^第\d+页$")).ToList();
            Assert.Contains(lines[p], l => l.Compact == $"第{p + 1}页");   // the page number in its foot
            if (text.Count == 0) continue;
            var last = text[^1].Compact;
            var heading = PdfVocabulary.TitleOf(last) is not null || Regex.IsMatch(last, @"^(第[一二三四]部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）).{0,30}$") && !last.Contains('。');
            Assert.False(heading, $"page {p + 1} ends with the heading «{text[^1].Text}»");
        }
        var read = DisclosurePdf.ReadDetailed(pdf, new PdfImportOptions(RegistryOf(Repo.PutuoSample)));
        var amounts = read.Tables.SelectMany(t => t.Cells.Values).Select(c => c.Printed).ToList();
        Assert.True(amounts.Count > 300);
        Assert.All(amounts, a => Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{2}$", a));
        Assert.Contains("9,746.50", amounts);
    }

    [Fact]
    public void EveryPrintedWord_StaysInsideThePageMargins()
    {
        // The page's margins (DisclosureHtml's @page rules): 15 mm left and right on portrait pages, 12 mm on landscape.
        const double Mm = 72 / 25.4;
        var pdf = Print(SubmissionFile.Read(Repo.PutuoSample), "putuo-margins");
        using var document = PdfDocument.Open(pdf);
        var outside = new List<string>();
        foreach (var page in document.GetPages())
        {
            // 2 pt for a glyph's box reaching past its advance at a right-aligned edge, and the border's half width.
            var margin = (page.Width > page.Height ? 12 : 15) * Mm - 2;
            foreach (var word in page.GetWords())
                if (word.BoundingBox.Left < margin || word.BoundingBox.Right > page.Width - margin)
                    outside.Add($"page {page.Number}: «{word.Text}» at {word.BoundingBox.Left:0.#}–{word.BoundingBox.Right:0.#} pt of {page.Width:0} pt");
        }
        Assert.True(outside.Count == 0, string.Join("\n", outside.Take(20)));
    }
}
