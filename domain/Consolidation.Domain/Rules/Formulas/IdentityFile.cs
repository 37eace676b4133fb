using System.Reflection;
using System.Text.RegularExpressions;
using Consolidation.Domain.Layouts;

namespace Consolidation.Domain.Rules.Formulas;

/// <summary>The identities of one fiscal year, read from one file: rules in file order.</summary>
public sealed record IdentitySet(int Year, string Source, IReadOnlyList<FormulaRule> Rules);

/// <summary>One problem of an identities file: the line it is on and what is wrong.</summary>
public sealed record IdentityFileError(int Line, string Message)
{
    public override string ToString() => $"第 {Line} 行：{Message}";
}

/// <summary>An identities file that cannot be used; every problem is named with its line.</summary>
public sealed class IdentityFileException(string source, IReadOnlyList<IdentityFileError> errors)
    : Exception($"审核公式文件 {source} 有误：\n" + string.Join("\n", errors.Select(e => $"  {source} {e}")))
{
    /// <summary>The file (or resource) the errors are in.</summary>
    public string FileName { get; } = source;
    public IReadOnlyList<IdentityFileError> Errors { get; } = errors;
}

/// <summary>
/// Reads an identities file (docs/identities.md): the table identities of one fiscal year as data a finance bureau can
/// read and change without a rebuild. Lines:
/// <code>
/// year 2023
/// rule BN-T1-01 强制性 表内
///   title T1 本年收入合计 = 八项收入之和
///   check T1.incomeTotal = T1.generalBudgetAppropriation + …
///       + T1.otherIncome              (a line starting with + − = ≤ ≥ continues the check above)
///   hint 请核对本年收入合计及各项收入。
/// </code>
/// Checks: <c>A = B</c> (also ≤, ≥) over cells <c>T1.incomeTotal</c>, <c>T5.total.budget</c>, <c>T6.30217</c>,
/// <c>Σ类(T2).fiscal</c>, <c>last.T1.closingBalance</c>, with <c>*</c> for "in every column"; <c>each row of T2: total =
/// fiscal + …</c>; <c>each 类: T3.total = T1.amount</c>; <c>each code: T5.total ≤ T3.total</c>; <c>hierarchy(T2)</c>.
/// </summary>
public static partial class IdentityFile
{
    public const string DefaultHint = "请核对相关单元格的金额。";

    /// <summary>The identities files shipped with the server (embedded resources <c>identities-YYYY.txt</c>).</summary>
    public static IReadOnlyList<IdentitySet> Embedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var sets = new List<IdentitySet>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("identities-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            sets.Add(Parse(new StreamReader(stream).ReadToEnd(), name));
        }
        return sets;
    }

    /// <summary>A file, or every <c>*.txt</c> file of a directory.</summary>
    public static IReadOnlyList<IdentitySet> Load(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal).ToArray() : [path];
        var sets = new List<IdentitySet>();
        foreach (var file in files)
        {
            string text;
            try { text = File.ReadAllText(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IdentityFileException(file, [new IdentityFileError(0, $"无法读取文件：{e.Message}")]);
            }
            sets.Add(Parse(text, file));
        }
        var duplicate = sets.GroupBy(s => s.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new IdentityFileException(path, [new IdentityFileError(0, $"{duplicate.Key} 年的审核公式出现在多个文件中：{string.Join("、", duplicate.Select(s => s.Source))}")]);
        return sets;
    }

    public static IdentitySet Parse(string text, string source)
    {
        var parser = new Parser();
        parser.Run(text);
        if (parser.Errors.Count > 0) throw new IdentityFileException(source, parser.Errors);
        return new IdentitySet(parser.Year!.Value, source, parser.Rules);
    }

    [GeneratedRegex(@"^[A-Z]{2}(-[A-Z0-9]+)+$")]
    private static partial Regex RuleId();

    private sealed class RuleDraft(int line, RuleInfo info)
    {
        public int Line { get; } = line;
        public RuleInfo Info { get; set; } = info;
        public string? Hint { get; set; }
        public List<FormulaCheck> Checks { get; } = [];
        public bool TitleGiven { get; set; }
        public bool CheckWritten { get; set; }
    }

    private sealed class Parser
    {
        public List<IdentityFileError> Errors { get; } = [];
        public List<FormulaRule> Rules { get; } = [];
        public int? Year { get; private set; }
        private RuleDraft? _rule;
        private bool _yearSeen;
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        private void Error(int line, string message) => Errors.Add(new IdentityFileError(line, message));

        public void Run(string text)
        {
            foreach (var (line, content) in LogicalLines(text))
            {
                var space = content.IndexOf(' ');
                var keyword = space < 0 ? content : content[..space];
                var rest = space < 0 ? "" : content[(space + 1)..].Trim();
                switch (keyword)
                {
                    case "year": ReadYear(line, rest); break;
                    case "rule": StartRule(line, rest); break;
                    case "title" or "check" or "hint" when _rule is null:
                        Error(line, $"“{keyword}”须写在某条 rule 之下");
                        break;
                    case "title":
                        if (rest.Length == 0) Error(line, "title 后须写规则说明");
                        _rule!.Info = _rule.Info with { Title = rest };
                        _rule.TitleGiven = true;
                        break;
                    case "hint":
                        if (rest.Length == 0) Error(line, "hint 后须写给填报人的提示");
                        _rule!.Hint = rest;
                        break;
                    case "check":
                        _rule!.CheckWritten = true;
                        try { _rule!.Checks.AddRange(new CheckParser(rest).Parse()); }
                        catch (FormatException e) { Error(line, $"{e.Message}（公式：{rest}）"); }
                        break;
                    default:
                        Error(line, $"无法识别的行“{Shorten(content)}”：行首应为 year、rule、title、check 或 hint（# 开头为注释；以 + − = ≤ ≥ 开头的行接续上一行公式）");
                        break;
                }
            }
            FinishRule();
            if (!_yearSeen) Error(1, "缺少年度行，例如“year 2023”");
        }

        private void ReadYear(int line, string rest)
        {
            var first = !_yearSeen;
            _yearSeen = true;
            if (!first) Error(line, "年度只能写一次");
            else if (int.TryParse(rest, out var y) && y is >= 1990 and <= 2100) Year = y;
            else Error(line, $"年度“{rest}”无效，应为四位年份，如 2023");
        }

        private void StartRule(int line, string rest)
        {
            FinishRule();
            var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                Error(line, "rule 行应为“rule 编号 严重程度 类别”，如“rule BN-T1-01 强制性 表内”");
                _rule = new RuleDraft(line, new RuleInfo("?", RuleCategory.WithinTable, Severity.Mandatory, ""));
                return;
            }
            var (id, severityText, category) = (parts[0], parts[1], parts[2]);
            if (!RuleId().IsMatch(id)) Error(line, $"规则编号“{id}”格式不对：应为两个大写字母加连字符分段，如 BN-T1-01");
            else if (!_ids.Add(id)) Error(line, $"规则编号 {id} 重复：编号不得重复使用");
            Severity severity = Severity.Mandatory;
            switch (severityText)
            {
                case "强制性": severity = Severity.Mandatory; break;
                case "提示性": severity = Severity.Advisory; break;
                case "信息": severity = Severity.Info; break;
                default: Error(line, $"严重程度“{severityText}”无效：应为 强制性、提示性 或 信息"); break;
            }
            string[] categories = [RuleCategory.WithinTable, RuleCategory.BetweenTables, RuleCategory.AcrossYears, RuleCategory.Codes, RuleCategory.Narrative, RuleCategory.Completeness];
            if (!categories.Contains(category)) Error(line, $"类别“{category}”无效：应为 {string.Join("、", categories)} 之一");
            _rule = new RuleDraft(line, new RuleInfo(id, category, severity, "", RuleInfo.IdentityTolerance));
        }

        private void FinishRule()
        {
            if (_rule is null) return;
            if (!_rule.TitleGiven) Error(_rule.Line, $"规则 {_rule.Info.Id} 缺少 title 行");
            if (!_rule.CheckWritten) Error(_rule.Line, $"规则 {_rule.Info.Id} 没有 check 公式");
            Rules.Add(new FormulaRule(_rule.Info, _rule.Hint ?? DefaultHint, _rule.Checks, _rule.Line));
            _rule = null;
        }

        /// <summary>Lines without comments and blanks; a line starting with an operator continues the one above.</summary>
        private IEnumerable<(int Line, string Content)> LogicalLines(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            (int Line, string Content)? pending = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var content = lines[i].Trim();
                if (i == 0) content = content.TrimStart('\uFEFF');
                if (content.Length == 0 || content.StartsWith('#')) continue;
                if (content[0] is '+' or '-' or '−' or '=' or '≤' or '≥' or '<' or '>')
                {
                    if (pending is null || !pending.Value.Content.StartsWith("check ", StringComparison.Ordinal))
                        Error(i + 1, "以运算符开头的行只能接续上一行的 check 公式");
                    else pending = (pending.Value.Line, pending.Value.Content + " " + content);
                    continue;
                }
                if (pending is not null) yield return pending.Value;
                pending = (i + 1, content);
            }
            if (pending is not null) yield return pending.Value;
        }

        private static string Shorten(string s) => s.Length > 30 ? s[..30] + "…" : s;
    }

    /// <summary>One check expression → compiled checks (a <c>*</c> column expands into one check per column).</summary>
    private sealed class CheckParser(string text)
    {
        private sealed record Raw(int Sign, TermKind Kind, TableLayout Table, string Row, string Column, bool LastYear);

        private enum Scope { None, EachRow, EachCode, EachClass }

        public IReadOnlyList<FormulaCheck> Parse()
        {
            var hierarchy = Regex.Match(text, @"^hierarchy\(\s*(\w+)\s*\)$");
            if (hierarchy.Success)
            {
                var table = Table(hierarchy.Groups[1].Value);
                if (table.Keying == RowKeying.None) throw new FormatException($"{table.Id} 没有编码行，无法核对类款项层级");
                return [new HierarchyCheck(text, table.Id)];
            }
            var scope = Scope.None;
            TableLayout? scopeTable = null;
            var body = text;
            if (text.StartsWith("each ", StringComparison.Ordinal))
            {
                var colon = text.IndexOfAny([':', '：']);
                if (colon < 0) throw new FormatException("“each …”后须有冒号，如“each row of T2: total = …”");
                var head = text[5..colon].Trim();
                body = text[(colon + 1)..].Trim();
                var rowOf = Regex.Match(head, @"^row of (\w+)$");
                if (rowOf.Success) { scope = Scope.EachRow; scopeTable = Table(rowOf.Groups[1].Value); }
                else if (head == "类") scope = Scope.EachClass;
                else if (head == "code") scope = Scope.EachCode;
                else throw new FormatException($"“each {head}”无法识别：应为 each row of Tn、each 类 或 each code");
            }
            var normalized = body.Replace("<=", "≤").Replace(">=", "≥");
            var relations = normalized.Count(c => c is '=' or '≤' or '≥');
            if (relations > 1 && normalized.All(c => c is not ('≤' or '≥')) && scope == Scope.None) return [SameFigure(normalized)];
            if (relations != 1)
                throw new FormatException(relations == 0 ? "公式缺少 =、≤ 或 ≥"
                    : "公式只能有一个 ≤ 或 ≥（写成两条 check）；A = B = C（同一数字在几处）只能用 =，且不能用于 each …");
            var at = normalized.IndexOfAny(['=', '≤', '≥']);
            var relation = normalized[at] switch { '=' => Relation.Equal, '≤' => Relation.AtMost, _ => Relation.AtLeast };
            var lhs = Side(normalized[..at], scope, scopeTable);
            var rhs = Side(normalized[(at + 1)..], scope, scopeTable);
            var first = lhs[0];
            if (first.Sign < 0 || first.Kind == TermKind.Classes || first.LastYear)
                throw new FormatException("左边第一项须为本年的一个单元格（带正号），发现的问题记在这个单元格上");

            switch (scope)
            {
                case Scope.EachRow:
                    return [new EachRowCheck(text, scopeTable!.Id, Compile(lhs, null), relation, Compile(rhs, null))];
                case Scope.EachCode or Scope.EachClass:
                    return [new EachCodeCheck(text, scope == Scope.EachClass, Compile(lhs, null), relation, Compile(rhs, null))];
            }
            var all = lhs.Concat(rhs).ToList();
            if (all.All(t => t.Column != "*")) return [new CellCheck(text, Compile(lhs, null), relation, Compile(rhs, null))];
            if (first.Column != "*") throw new FormatException("用 * 表示“每一列”时，左边第一项也须用 *");
            return first.Table.Columns
                .Select(c => (FormulaCheck)new CellCheck(text, Compile(lhs, c.Key), relation, Compile(rhs, c.Key)))
                .ToList();
        }

        /// <summary><c>A = B = C</c>: the same figure in several places, each side one holder of it.</summary>
        private FormulaCheck SameFigure(string body)
        {
            var holders = body.Split('=').Select(side => Side(side, Scope.None, null)).ToList();
            if (holders.Count > 8) throw new FormatException("A = B = C 最多 8 处");
            foreach (var holder in holders)
            {
                var first = holder[0];
                if (first.Sign < 0 || first.Kind == TermKind.Classes || first.LastYear)
                    throw new FormatException("A = B = C 中每一处的第一项须为本年的一个单元格（带正号）：不一致时发现的问题记在这个单元格上");
                if (holder.Any(t => t.Column == "*")) throw new FormatException("A = B = C 中不能用 *（每一列各写一条 check）");
            }
            return new SameFigureCheck(text, holders.Select(h => (IReadOnlyList<Term>)Compile(h, null)).ToList());
        }

        private List<Raw> Side(string side, Scope scope, TableLayout? scopeTable)
        {
            var terms = new List<Raw>();
            var sign = 1;
            var current = "";
            void Flush()
            {
                var t = current.Trim();
                if (t.Length == 0) throw new FormatException($"“{side.Trim()}”中有空项（多余或缺少的 + −）");
                terms.Add(Term(t, sign, scope, scopeTable));
                current = "";
            }
            foreach (var c in side)
            {
                if (c is '+' or '-' or '−')
                {
                    if (current.Trim().Length == 0 && terms.Count == 0) { sign = c == '+' ? 1 : -1; continue; }
                    Flush();
                    sign = c == '+' ? 1 : -1;
                }
                else current += c;
            }
            Flush();
            return terms;
        }

        private static Raw Term(string t, int sign, Scope scope, TableLayout? scopeTable)
        {
            var classes = Regex.Match(t, @"^Σ类\(\s*(\w+)\s*\)(?:\.(\*|\w+))?$");
            if (classes.Success)
            {
                if (scope != Scope.None) throw new FormatException($"“{t}”：Σ类 只能用于单元格公式，不能用于 each …");
                var table = Table(classes.Groups[1].Value);
                if (table.Keying == RowKeying.None) throw new FormatException($"{table.Id} 没有编码行，Σ类({table.Id}) 无意义");
                var column = classes.Groups[2].Success ? classes.Groups[2].Value : SingleColumn(table, t);
                return new Raw(sign, TermKind.Classes, table, "", Column(table, column, t), false);
            }
            var last = t.StartsWith("last.", StringComparison.Ordinal);
            if (last)
            {
                if (scope != Scope.None) throw new FormatException($"“{t}”：last. 只能用于单元格公式，不能用于 each …");
                t = t[5..];
            }
            var parts = t.Split('.');
            if (parts.Any(p => p.Length == 0 || !Regex.IsMatch(p, @"^(\*|\w+)$")))
                throw new FormatException($"“{t}”不是有效的项：应如 T1.incomeTotal、T5.total.budget、Σ类(T2).fiscal、last.T1.closingBalance");
            switch (scope)
            {
                case Scope.EachRow:
                    var table = parts.Length == 2 ? Table(parts[0]) : scopeTable!;
                    if (table != scopeTable) throw new FormatException($"“{t}”：each row of {scopeTable!.Id} 中只能写本表的列");
                    if (parts.Length > 2) throw new FormatException($"“{t}”：each row of {table.Id} 中每项只写列名，如 total");
                    return new Raw(sign, TermKind.ScopedRow, table, "", Column(table, parts[^1], t), false);
                case Scope.EachCode or Scope.EachClass:
                    if (parts.Length != 2) throw new FormatException($"“{t}”：each … 中每项写“表.列”，如 T3.total");
                    var coded = Table(parts[0]);
                    if (!coded.HasCodedRows) throw new FormatException($"{coded.Id} 没有编码行，不能用于 each …");
                    return new Raw(sign, TermKind.ScopedRow, coded, "", Column(coded, parts[1], t), false);
            }
            if (parts.Length is < 2 or > 3) throw new FormatException($"“{t}”：单元格应写成 表.行（单列表）或 表.行.列，如 T5.total.budget");
            var layout = Table(parts[0]);
            var row = parts[1];
            if (layout.FindFixedRow(row) is null && !(layout.HasCodedRows && row.All(char.IsAsciiDigit)))
                throw new FormatException($"{layout.Id} 没有“{row}”行（可用：{string.Join(", ", layout.FixedRows.Select(r => r.Key))}{(layout.HasCodedRows ? "，或科目编码" : "")}）");
            var col = parts.Length == 3 ? parts[2] : SingleColumn(layout, t);
            return new Raw(sign, TermKind.Cell, layout, row, Column(layout, col, t), last);
        }

        private static string SingleColumn(TableLayout table, string term) =>
            table.IsSingleColumn ? table.Columns[0].Key
            : throw new FormatException($"“{term}”：{table.Id} 有多列，须写明列（{string.Join(", ", table.Columns.Select(c => c.Key))}，或 * 表示每一列）");

        private static string Column(TableLayout table, string column, string term) =>
            column == "*" || table.Columns.Any(c => c.Key == column) ? column
            : throw new FormatException($"“{term}”：{table.Id} 没有“{column}”列（可用：{string.Join(", ", table.Columns.Select(c => c.Key))}）");

        private static TableLayout Table(string id) =>
            StandardLayouts.All.FirstOrDefault(l => l.Id == id)
            ?? throw new FormatException($"没有表“{id}”（可用：{string.Join("、", StandardLayouts.All.Select(l => l.Id))}）");

        private static List<Term> Compile(List<Raw> side, string? star) => side.Select(r =>
        {
            var key = r.Column == "*" ? star! : r.Column;
            if (!r.Table.Columns.Any(c => c.Key == key))
                throw new FormatException($"{r.Table.Id} 没有“{key}”列，不能与其他表按列（*）对应");
            return new Term(r.Sign, r.Kind, r.Table, r.Row, r.Table.ColumnIndex(key), r.LastYear);
        }).ToList();
    }
}
