using System.Globalization;
using System.Reflection;

namespace Consolidation.Domain.Templates;

/// <summary>A template file that cannot be used: every problem named with its line.</summary>
public sealed class TemplateFileException(string source, IReadOnlyList<string> errors)
    : Exception($"模板文件 {source} 有误：\n" + string.Join("\n", errors.Select(e => "  " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// The templates the server knows (embedded Templates/Data/template-*.txt, docs/templates.md), by ID. A file:
/// <code>
/// template shanghai-2024
/// name 上海市部门决算公开模板（2024 年度）
/// region 上海
/// years 2024-              (or 2023, or 2021-2023)
/// extends national         (takes the other's heading words after its own)
/// omit T5.*.budget         (a cell the tables do not print: table.row.column, * for every row or column)
/// heading 三公 ThreePublic   (heading words → topic; the first match wins)
/// numbered-like-seed       (a heading naming no topic takes the seed's numbering 一 … 十四)
/// </code>
/// </summary>
public sealed class TemplateCatalogue
{
    public const string NationalId = "national";

    private readonly Dictionary<string, Template> _byId;

    private TemplateCatalogue(IEnumerable<Template> templates) =>
        _byId = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static TemplateCatalogue Default { get; } = new(LoadEmbedded());

    public IReadOnlyCollection<Template> All => _byId.Values;

    public Template National => _byId[NationalId];

    public Template? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The IDs, for a message that lists what may be named.</summary>
    public string Ids => string.Join("、", _byId.Keys.Order(StringComparer.Ordinal));

    private static List<Template> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (string Text, string Source)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("template-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            files[name] = (new StreamReader(stream).ReadToEnd(), name);
        }
        return Parse(files.Values);
    }

    /// <summary>Reads template files (their text and name); an <c>extends</c> names another of them.</summary>
    public static List<Template> Parse(IEnumerable<(string Text, string Source)> files)
    {
        var raw = files.Select(f => Raw.Read(f.Text, f.Source)).ToList();
        var byId = raw.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var result = new List<Template>();
        foreach (var r in raw)
        {
            var headings = new List<(NarrativeTopic, string)>(r.Headings);
            var seen = new HashSet<string>(StringComparer.Ordinal) { r.Id };
            for (var parent = r.Extends; parent is not null;)
            {
                if (!byId.TryGetValue(parent, out var p)) throw new TemplateFileException(r.Source, [$"extends {parent}：无此模板"]);
                if (!seen.Add(parent)) throw new TemplateFileException(r.Source, [$"extends {parent}：循环继承"]);
                headings.AddRange(p.Headings);
                parent = p.Extends;
            }
            result.Add(new Template(r.Id, r.Name, r.Region, r.FirstYear, r.LastYear, r.Omitted, headings, r.NumberedLikeSeed, r.Source));
        }
        if (!result.Any(t => t.Id == NationalId)) throw new TemplateFileException("(templates)", ["缺少 national（全国通用）模板"]);
        return result;
    }

    private sealed class Raw
    {
        public string Id = "", Name = "", Region = "", Source = "";
        public string? Extends;
        public int FirstYear = 2000, LastYear = int.MaxValue;
        public bool NumberedLikeSeed;
        public readonly List<(string, string, string)> Omitted = [];
        public readonly List<(NarrativeTopic, string)> Headings = [];

        public static Raw Read(string text, string source)
        {
            var r = new Raw { Source = source };
            var errors = new List<string>();
            var lineNo = 0;
            foreach (var rawLine in text.Split('\n'))
            {
                lineNo++;
                var hash = rawLine.IndexOf('#');
                var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
                if (line.Length == 0) continue;
                var space = line.IndexOf(' ');
                var word = space < 0 ? line : line[..space];
                var rest = space < 0 ? "" : line[(space + 1)..].Trim();
                switch (word)
                {
                    case "template": r.Id = rest; break;
                    case "name": r.Name = rest; break;
                    case "region": r.Region = rest; break;
                    case "extends": r.Extends = rest; break;
                    case "numbered-like-seed": r.NumberedLikeSeed = true; break;
                    case "years":
                        var parts = rest.Split('-');
                        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out r.FirstYear)) { errors.Add($"第 {lineNo} 行：年度“{rest}”无效"); break; }
                        r.LastYear = parts.Length == 1 ? r.FirstYear
                            : parts[1].Length == 0 ? int.MaxValue
                            : int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : -1;
                        if (r.LastYear < r.FirstYear) errors.Add($"第 {lineNo} 行：年度“{rest}”无效");
                        break;
                    case "omit":
                        var cell = rest.Split(' ')[0].Split('.');
                        if (cell.Length != 3 || Layouts.StandardLayouts.All.All(l => l.Id != cell[0])) { errors.Add($"第 {lineNo} 行：omit 应为 表.行.列（如 T5.*.budget）"); break; }
                        var layout = Layouts.StandardLayouts.Get(cell[0]);
                        if (cell[2] != "*" && layout.Columns.All(c => c.Key != cell[2])) { errors.Add($"第 {lineNo} 行：{cell[0]} 无「{cell[2]}」列"); break; }
                        if (cell[1] != "*" && layout.FindFixedRow(cell[1]) is null && !cell[1].All(char.IsAsciiDigit)) { errors.Add($"第 {lineNo} 行：{cell[0]} 无「{cell[1]}」行"); break; }
                        r.Omitted.Add((cell[0], cell[1], cell[2]));
                        break;
                    case "heading":
                        var last2 = rest.LastIndexOf(' ');
                        if (last2 < 0 || !Enum.TryParse<NarrativeTopic>(rest[(last2 + 1)..], out var topic)) { errors.Add($"第 {lineNo} 行：heading 应为 词语 主题（如 heading 三公 ThreePublic）"); break; }
                        r.Headings.Add((topic, rest[..last2].Trim()));
                        break;
                    default: errors.Add($"第 {lineNo} 行：未知的指令“{word}”"); break;
                }
            }
            if (r.Id.Length == 0) errors.Add("缺少 template 行");
            if (errors.Count > 0) throw new TemplateFileException(source, errors);
            return r;
        }
    }
}
