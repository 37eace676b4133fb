using System.Reflection;

namespace Consolidation.Domain.Glossary;

/// <summary>
/// The aliases (别名) and extra categories of glossary terms, kept as data (Glossary/Data/aliases.txt, embedded):
/// 机关运行费 finds 机关运行经费, 三公 finds “三公”经费; 公务接待费 is also listed under 三公.
/// </summary>
public sealed class TermAliases
{
    public TermAliases(IReadOnlyDictionary<string, IReadOnlyList<string>> aliases, IReadOnlyDictionary<string, IReadOnlyList<string>> categories)
    {
        Aliases = aliases;
        Categories = categories;
    }

    /// <summary>Term (as written in the data) → its aliases.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; }

    /// <summary>Category → the terms also listed under it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; }

    public static TermAliases None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>());

    public static TermAliases Default { get; } = Parse(ReadResource());

    /// <summary>Reads the alias file format; a malformed line throws naming its number.</summary>
    public static TermAliases Parse(string text)
    {
        var aliases = new Dictionary<string, IReadOnlyList<string>>();
        var categories = new Dictionary<string, IReadOnlyList<string>>();
        var number = 0;
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var isCategory = line.StartsWith("[类别]", StringComparison.Ordinal);
            if (isCategory) line = line["[类别]".Length..];
            var eq = line.IndexOf('=');
            var left = eq > 0 ? line[..eq].Trim() : "";
            var right = eq > 0 ? line[(eq + 1)..].Split('|').Select(s => s.Trim()).Where(s => s.Length > 0).ToList() : [];
            if (left.Length == 0 || right.Count == 0)
                throw new FormatException($"别名表第 {number} 行应为“名词 = 别名 | 别名”或“[类别] 类别 = 名词 | 名词”：{raw}");
            var target = isCategory ? categories : aliases;
            target[left] = target.TryGetValue(left, out var existing) ? [.. existing, .. right] : right;
        }
        return new TermAliases(aliases, categories);
    }

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("glossary-aliases.txt")
            ?? throw new InvalidOperationException("missing embedded glossary-aliases.txt");
        return new StreamReader(stream).ReadToEnd();
    }
}
