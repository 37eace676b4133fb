using System.Reflection;

namespace Consolidation.Domain.Classification;

/// <summary>One code of a classification: 支出功能分类 (类 3 digits, 款 5, 项 7) or 经济分类 (类 3, 款 5).</summary>
public sealed record ClassificationEntry(string Code, string Name, string Level, string Group);

/// <summary>
/// The classification catalogues shipped with the reference (function-classification.csv, economic-classification.csv),
/// and a supplement of 2023 支出功能分类 codes the reference lacks (function-classification-supplement.csv: official
/// names of codes departments of the city use). They are partial: a code missing here is not necessarily wrong.
/// </summary>
public sealed class ClassificationCatalogue
{
    private readonly Dictionary<string, ClassificationEntry> _function;
    private readonly Dictionary<string, ClassificationEntry> _economic;
    private readonly Dictionary<string, ClassificationEntry>.AlternateLookup<ReadOnlySpan<char>> _functionSpan;
    private readonly Dictionary<string, ClassificationEntry>.AlternateLookup<ReadOnlySpan<char>> _economicSpan;

    private ClassificationCatalogue(IEnumerable<ClassificationEntry> function, IEnumerable<ClassificationEntry> economic)
    {
        _function = function.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _economic = economic.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _functionSpan = _function.GetAlternateLookup<ReadOnlySpan<char>>();
        _economicSpan = _economic.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The reference catalogues as shipped with the reference.</summary>
    public static ClassificationCatalogue Reference { get; } = new(
        ReadResource("function-classification.csv", cols => new ClassificationEntry(cols[0], cols[1], cols[2], "")),
        ReadResource("economic-classification.csv", cols => new ClassificationEntry(cols[0], cols[1], cols[2], cols[3])));

    /// <summary>The reference catalogues with the supplement: what the checks use.</summary>
    public static ClassificationCatalogue Default { get; } = new(
        Reference.FunctionCodes.Concat(ReadResource("function-classification-supplement.csv", cols => new ClassificationEntry(cols[0], cols[1], cols[2], ""))),
        Reference.EconomicCodes);

    public IEnumerable<ClassificationEntry> FunctionCodes => _function.Values;
    public IEnumerable<ClassificationEntry> EconomicCodes => _economic.Values;

    public ClassificationEntry? Function(string code) => _function.GetValueOrDefault(code);
    public ClassificationEntry? Economic(string code) => _economic.GetValueOrDefault(code);

    /// <summary>A function or economic code given as part of a longer one (its 类: the first three digits), without allocating.</summary>
    public ClassificationEntry? Function(ReadOnlySpan<char> code) => _functionSpan.TryGetValue(code, out var e) ? e : null;
    public ClassificationEntry? Economic(ReadOnlySpan<char> code) => _economicSpan.TryGetValue(code, out var e) ? e : null;

    private static List<ClassificationEntry> ReadResource(string name, Func<string[], ClassificationEntry> map)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded catalogue {name}");
        using var reader = new StreamReader(stream);
        var entries = new List<ClassificationEntry>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            entries.Add(map(line.Split(',')));
        }
        return entries;
    }
}

/// <summary>Levels and parents of classification codes, from their length.</summary>
public static class Codes
{
    public static bool IsDigits(string code)
    {
        if (code.Length == 0) return false;
        foreach (var c in code)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>类 = 3 digits, 款 = 5, 项 = 7.</summary>
    public static int FunctionLevel(string code) => code.Length switch { 3 => 1, 5 => 2, 7 => 3, _ => 0 };

    /// <summary>类 = 3 digits, 款 = 5.</summary>
    public static int EconomicLevel(string code) => code.Length switch { 3 => 1, 5 => 2, _ => 0 };

    public static string LevelName(int level) => level switch { 1 => "类", 2 => "款", 3 => "项", _ => "?" };

    /// <summary>The code one level up: "2010301" → "20103" → "201"; "" for a 类.</summary>
    public static string Parent(string code) => code.Length switch { 7 => code[..5], 5 => code[..3], _ => "" };
}
