using System.Reflection;
using System.Text.RegularExpressions;
using Consolidation.Domain.Classification;
using Consolidation.Domain.Glossary;

namespace Consolidation.Server.Application;

/// <summary>
/// The glossary the server starts from: the Part 4 of a disclosure (the seed shipped with the server unless
/// GlossarySourcePath names another), for the fiscal year that disclosure reports on, with the classification
/// catalogues and the alias data.
/// </summary>
public static partial class GlossarySources
{
    private const string Seed = "yueyang-port-office-2023.txt";
    private const string SeedSource = "岳阳市人民政府口岸管理办公室 2023 年度部门决算 第四部分 名词解释";

    [GeneratedRegex(@"(\d{4})\s*年度?部门决算")]
    private static partial Regex ReportYear();

    /// <param name="path">A disclosure text file; empty = the embedded seed.</param>
    public static Glossary Load(string path)
    {
        string text, source;
        if (path.Length > 0)
        {
            text = File.ReadAllText(path);
            source = Path.GetFileName(path) + " 第四部分 名词解释";
        }
        else
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Seed)
                ?? throw new InvalidOperationException($"missing embedded {Seed}");
            text = new StreamReader(stream).ReadToEnd();
            source = SeedSource;
        }
        return GlossaryComposer.Compose(GlossaryParser.ParsePart4(text, source), YearOf(text), ClassificationCatalogue.Default, TermAliases.Default);
    }

    /// <summary>The fiscal year a disclosure reports on ("2023年度部门决算"); its Part 4 texts apply from that year.</summary>
    public static int YearOf(string documentText) =>
        ReportYear().Match(documentText) is { Success: true } m ? int.Parse(m.Groups[1].Value)
            : throw new FormatException("文档中找不到“YYYY 年度部门决算”，无法确定名词解释的年度");
}
