using System.Text.RegularExpressions;
using Consolidation.Domain.Classification;

namespace Consolidation.Domain.Glossary;

/// <summary>
/// Reads the 名词解释 (Part 4) of a 部门决算公开 document: one term a line, "一、“三公”经费：指…", "二、机关运行经费，指…"
/// or "基本支出：指…". A term printed twice keeps every distinct text; the last one printed is taken as current.
/// </summary>
public static partial class GlossaryParser
{
    [GeneratedRegex(@"^[一二三四五六七八九十百]+、")]
    private static partial Regex Ordinal();

    public static IReadOnlyList<GlossaryTerm> ParsePart4(string documentText, string source)
    {
        var lines = documentText.Replace("\r", "").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "第四部分");
        if (start < 0) throw new FormatException("文档中没有“第四部分”（名词解释）");
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "第五部分");
        if (end < 0) end = lines.Length;

        var order = new List<string>();
        var texts = new Dictionary<string, (string Name, List<string> Definitions)>();
        for (var i = start + 1; i < end; i++)
        {
            var line = lines[i].Trim().Trim('\u3000').Trim();
            if (line.Length == 0 || line == "名词解释") continue;
            if (Split(line) is not var (name, definition)) continue;
            var key = TermText.Normalize(name);
            if (!texts.TryGetValue(key, out var entry))
            {
                entry = (name, []);
                texts[key] = entry;
                order.Add(key);
            }
            if (!entry.Definitions.Contains(definition)) entry.Definitions.Add(definition);
        }
        return order.Select(k =>
        {
            var (name, defs) = texts[k];
            return new GlossaryTerm(name, defs[^1], defs.Take(defs.Count - 1).ToList(), CategoryOf(name), source);
        }).ToList();
    }

    /// <summary>"term：definition" or "term，指definition" (the ordinal removed); null for a line that defines nothing.</summary>
    internal static (string Name, string Definition)? Split(string line)
    {
        line = Ordinal().Replace(line, "");
        var colon = line.IndexOfAny(['：', ':']);
        var zhi = line.IndexOf("，指", StringComparison.Ordinal);
        int cut, defStart;
        if (colon > 0 && (zhi < 0 || colon < zhi)) { cut = colon; defStart = colon + 1; }
        else if (zhi > 0) { cut = zhi; defStart = zhi + 1; }
        else return null;
        var name = line[..cut].Trim().Trim('\u3000').Trim();
        var definition = line[defStart..].Trim();
        return name.Length == 0 || definition.Length == 0 ? null : (name, definition);
    }

    private static readonly HashSet<string> EconomicNames = ClassificationCatalogue.Default.EconomicCodes
        .Select(e => TermText.Normalize(e.Name)).ToHashSet();

    public static string CategoryOf(string name)
    {
        var key = TermText.Normalize(name);
        if (key.Contains("三公")) return "三公";
        if (name.EndsWith("（类）", StringComparison.Ordinal) || name.EndsWith("(类)", StringComparison.Ordinal)) return "功能分类";
        if (EconomicNames.Contains(key)) return "经济分类";
        if (key.Contains("收入")) return "收入";
        if (key.Contains("支出") || key.Contains("经费")) return "支出";
        return "其他";
    }
}
