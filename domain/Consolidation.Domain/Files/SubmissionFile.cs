using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;

namespace Consolidation.Domain.Files;

/// <summary>
/// Reads the submission file format (docs/submission-format.md): JSON (comments and trailing commas allowed) with
/// amounts as decimal numbers in the unit the file declares ("unit": "万元" or "元"). Every problem is collected and
/// reported with its field path; nothing half-read is ever returned.
/// </summary>
public static class SubmissionFile
{
    public const string FormatId = "final-accounts/1";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
        // A key named twice ("fiscalYear" …) is an error, never "the second one wins".
        AllowDuplicateProperties = false,
    };

    /// <summary>The largest submission file read (a real one is well under 2 MiB): checked before reading, and while reading.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    private static readonly string[] TopLevel =
        ["format", "template", "department", "fiscalYear", "unit", "composition", "staffing", "tables", "fullYearBudgets", "supplementary", "narrative", "explanations", "internalTransfers", "provenance"];

    public static FinalAccounts Read(string path) => Parse(ReadBytes(path), path);

    /// <summary>The file's bytes; a file that cannot be read is a <see cref="SubmissionFileException"/>.</summary>
    public static byte[] ReadBytes(string path)
    {
        try { return ReadBounded(path, MaxFileBytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SubmissionFileException(path, [new Violation("(file)", $"无法读取文件：{ReadErrorText.Of(e)}")]);
        }
    }

    /// <summary>
    /// At most <paramref name="max"/> bytes of a file, or a <see cref="SubmissionFileException"/>: a regular file's size
    /// is checked before reading; anything else (a device such as /dev/zero, a pipe) is read only up to the limit.
    /// </summary>
    public static byte[] ReadBounded(string path, long max)
    {
        static SubmissionFileException TooLarge(string path, long max) =>
            new(path, [new Violation("(file)", $"文件超过 {max / 1024 / 1024} MiB，未读取：不是决算报送文件，或应拆分")]);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > max) throw TooLarge(path, max);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > max) throw TooLarge(path, max);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static FinalAccounts Parse(string json, string fileName = "(input)") => Parse(System.Text.Encoding.UTF8.GetBytes(json), fileName);

    /// <summary>Parses the file's UTF-8 bytes (a leading byte-order mark is skipped) without decoding them to a string first.</summary>
    public static FinalAccounts Parse(ReadOnlyMemory<byte> utf8, string fileName = "(input)")
    {
        if (utf8.Span.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
            throw new SubmissionFileException(fileName, [new Violation("(file)", $"不是有效的 UTF-8 文本（自第 {FirstInvalidUtf8(utf8.Span) + 1} 字节起）：请以 UTF-8 编码保存")]);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(utf8, Options); }
        catch (JsonException e)
        {
            throw new SubmissionFileException(fileName,
                [new Violation($"第 {(e.LineNumber ?? 0) + 1} 行第 {(e.BytePositionInLine ?? 0) + 1} 字节", $"不是有效的 JSON：{ReadErrorText.Of(e)}")]);
        }
        using (doc)
        {
            var reader = new Reader();
            var accounts = reader.ReadAccounts(doc.RootElement);
            if (reader.Violations.Count > 0 || accounts is null)
                throw new SubmissionFileException(fileName, reader.Violations);
            return accounts;
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }

    private sealed class Reader
    {
        public List<Violation> Violations { get; } = [];
        private AmountPrecision _precision = AmountPrecision.Yuan;
        private Templates.Template? _template;

        /// <summary>Whether the file's template leaves a cell out (so the file may too: it reads as 0 and no check uses it).</summary>
        private bool Omits(TableLayout layout, string row, string column) => _template is { } t && !t.Prints(layout.Id, row, column);

        private void Error(string path, string message) => Violations.Add(new Violation(path, message));

        public FinalAccounts? ReadAccounts(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) { Error("(root)", "文件内容应为一个 JSON 对象"); return null; }
            CheckKnown(root, "", TopLevel);
            var format = OptionalString(root, "format", "format");
            if (format is not null && format != FormatId) Error("format", $"不支持的格式“{format}”，应为“{FormatId}”");

            var unit = RequiredString(root, "unit", "unit");
            switch (unit)
            {
                case "万元": _precision = AmountPrecision.WanYuan2; break;
                case "元": _precision = AmountPrecision.Yuan; break;
                case null: break;
                default: Error("unit", $"金额单位“{unit}”无效：应为“万元”或“元”"); break;
            }

            string code = "", name = "";
            if (Required(root, "department", "department", JsonValueKind.Object) is { } dept)
            {
                CheckKnown(dept, "department", ["code", "name"]);
                code = RequiredString(dept, "code", "department.code") ?? "";
                name = RequiredString(dept, "name", "department.name") ?? "";
            }
            var year = RequiredInt(root, "fiscalYear", "fiscalYear") ?? 0;
            // The template decides which cells the tables may leave out (a column it does not print is not invented).
            var template = OptionalString(root, "template", "template") ?? "";
            if (template.Length > 0) _template = Templates.TemplateCatalogue.Default.Find(template);

            var self = new Unit(code, name, UnitType.Administrative);
            var subordinates = new List<Unit>();
            if (Required(root, "composition", "composition", JsonValueKind.Object) is { } comp)
            {
                CheckKnown(comp, "composition", ["self", "subordinates"]);
                if (Required(comp, "self", "composition.self", JsonValueKind.Object) is { } s) self = ReadUnit(s, "composition.self");
                if (Optional(comp, "subordinates", "composition.subordinates", JsonValueKind.Array) is { } subs)
                {
                    var i = 0;
                    foreach (var sub in subs.EnumerateArray())
                    {
                        var p = $"composition.subordinates[{i++}]";
                        if (sub.ValueKind != JsonValueKind.Object) Error(p, "应为单位对象 {code, name, type}");
                        else subordinates.Add(ReadUnit(sub, p));
                    }
                }
            }

            var staffing = new Staffing(0, 0, 0);
            if (Required(root, "staffing", "staffing", JsonValueKind.Object) is { } st)
            {
                CheckKnown(st, "staffing", ["authorized", "actual", "retired"]);
                staffing = new Staffing(RequiredInt(st, "authorized", "staffing.authorized") ?? 0,
                    RequiredInt(st, "actual", "staffing.actual") ?? 0, RequiredInt(st, "retired", "staffing.retired") ?? 0);
            }

            var tables = new Dictionary<string, Table>();
            var notes = new List<TableNote>();
            if (Required(root, "tables", "tables", JsonValueKind.Object) is { } tablesElement)
            {
                CheckKnown(tablesElement, "tables", StandardLayouts.All.Select(l => l.Id).ToArray());
                foreach (var layout in StandardLayouts.All)
                {
                    var path = $"tables.{layout.Id}";
                    if (Required(tablesElement, layout.Id, path, JsonValueKind.Object, $"缺少 {layout.Id} {layout.Name}（无数据的表也须列出，金额填 0）") is { } t)
                    {
                        tables[layout.Id] = ReadTable(t, layout, path);
                        // 表下说明 (空表说明 of an empty T7/T8/T9): printed under the table, kept with it in the file.
                        if (OptionalString(t, "note", $"{path}.note") is { Length: > 0 } note) notes.Add(new TableNote(layout.Id, note));
                    }
                }
            }

            SupplementaryFigures? supplementary = null;
            if (Optional(root, "supplementary", "supplementary", JsonValueKind.Object) is { } sup)
                supplementary = ReadSupplementary(sup);

            var narrative = OptionalString(root, "narrative", "narrative") ?? "";
            var explanations = new List<Explanation>();
            if (Optional(root, "explanations", "explanations", JsonValueKind.Array) is { } exps)
            {
                var i = 0;
                foreach (var e in exps.EnumerateArray())
                {
                    var p = $"explanations[{i++}]";
                    if (e.ValueKind != JsonValueKind.Object) { Error(p, "应为 {ruleId, location, text}"); continue; }
                    CheckKnown(e, p, ["ruleId", "location", "text"]);
                    explanations.Add(new Explanation(RequiredString(e, "ruleId", $"{p}.ruleId") ?? "",
                        RequiredString(e, "location", $"{p}.location") ?? "", RequiredString(e, "text", $"{p}.text") ?? ""));
                }
            }

            var transfers = ReadTransfers(root);
            var fullYear = ReadFullYearBudgets(root);

            if (Violations.Count > 0) return null;
            var accounts = new FinalAccounts
            {
                DepartmentCode = code,
                DepartmentName = name,
                FiscalYear = year,
                Template = template,
                Precision = _precision,
                Composition = new UnitComposition(self, subordinates),
                Staffing = staffing,
                Tables = tables,
                Narrative = narrative,
                Explanations = explanations,
                Supplementary = supplementary,
                InternalTransfers = transfers,
                TableNotes = notes,
                FullYearBudgets = fullYear,
            };
            // A file that parses but could not be submitted is reported here, before anything is sent.
            Violations.AddRange(AccountsValidator.Validate(accounts));
            return Violations.Count > 0 ? null : accounts;
        }

        /// <summary>补充资料: every field is required when the object is given (0 when there is none).</summary>
        private SupplementaryFigures ReadSupplementary(JsonElement e)
        {
            CheckKnown(e, "supplementary", SupplementaryFigures.Amounts.Select(a => a.Key).Prepend("vehiclesHeld").ToArray());
            var vehicles = RequiredInt(e, "vehiclesHeld", "supplementary.vehiclesHeld") ?? 0;
            if (vehicles < 0) Error("supplementary.vehiclesHeld", "公务用车保有量不能为负");
            var figures = new SupplementaryFigures { VehiclesHeld = vehicles };
            foreach (var (key, name, _) in SupplementaryFigures.Amounts)
            {
                var path = $"supplementary.{key}";
                if (!e.TryGetProperty(key, out var cell)) Error(path, $"缺少「{name}」（无数据填 0）");
                else figures = figures.With(key, Amount(cell, path));
            }
            return figures;
        }

        /// <summary>内部往来: optional; each { kind, counterparty, amount, functionCode, unit? }, amounts in the file's unit.</summary>
        private List<InternalTransfer> ReadTransfers(JsonElement root)
        {
            var transfers = new List<InternalTransfer>();
            if (Optional(root, "internalTransfers", "internalTransfers", JsonValueKind.Array) is not { } array) return transfers;
            var i = 0;
            foreach (var e in array.EnumerateArray())
            {
                var p = $"internalTransfers[{i++}]";
                if (e.ValueKind != JsonValueKind.Object) { Error(p, "应为 {kind, counterparty, amount, functionCode}"); continue; }
                CheckKnown(e, p, ["kind", "counterparty", "amount", "functionCode", "unit"]);
                var kindText = RequiredString(e, "kind", $"{p}.kind");
                var kind = InternalTransferKind.Unspecified;
                if (kindText is not null)
                {
                    if (InternalTransfer.ParseKind(kindText) is { } k) kind = k;
                    else Error($"{p}.kind", $"往来类型“{kindText}”无效：应为 superiorSubsidy（上级补助收入）、subsidyToSubsidiaries（对附属单位补助支出）、subsidiaryRemittance（附属单位上缴收入）或 remittanceToSuperior（上缴上级支出）");
                }
                var counterparty = RequiredString(e, "counterparty", $"{p}.counterparty") ?? "";
                var amount = e.TryGetProperty("amount", out var a) ? Amount(a, $"{p}.amount") : MissingAmount($"{p}.amount");
                var function = RequiredString(e, "functionCode", $"{p}.functionCode") ?? "";
                var unit = OptionalString(e, "unit", $"{p}.unit") ?? "";
                transfers.Add(new InternalTransfer(kind, counterparty, amount, function, unit));
            }
            return transfers;
        }

        /// <summary><c>"fullYearBudgets": { "total": 10210.34, "2120101": 1115.48 }</c>: T5's 全年预算数 by row code.</summary>
        private List<RowAmount> ReadFullYearBudgets(JsonElement root)
        {
            var budgets = new List<RowAmount>();
            if (Optional(root, "fullYearBudgets", "fullYearBudgets", JsonValueKind.Object) is not { } obj) return budgets;
            foreach (var p in obj.EnumerateObject())
                budgets.Add(new RowAmount(p.Name, Amount(p.Value, $"fullYearBudgets.{p.Name}")));
            return budgets;
        }

        private long MissingAmount(string path)
        {
            Error(path, "缺少此字段");
            return 0;
        }

        private Unit ReadUnit(JsonElement e, string path)
        {
            CheckKnown(e, path, ["code", "name", "type"]);
            var typeText = OptionalString(e, "type", $"{path}.type");
            var type = UnitTypes.Parse(typeText) ?? Invalid(typeText!);
            return new Unit(RequiredString(e, "code", $"{path}.code") ?? "", RequiredString(e, "name", $"{path}.name") ?? "", type);

            UnitType Invalid(string t)
            {
                Error($"{path}.type", $"单位类型“{t}”无效：应为 行政、事业 或 其他");
                return UnitType.Unspecified;
            }
        }

        private Table ReadTable(JsonElement t, TableLayout layout, string path)
        {
            var keys = KnownKeys.Of(layout);
            CheckKnown(t, path, keys.Table);
            var fixedRows = new Dictionary<string, long[]>();
            foreach (var row in layout.FixedRows)
            {
                if (!t.TryGetProperty(row.Key, out var e))
                {
                    if (layout.Columns.All(c => Omits(layout, row.Key, c.Key))) fixedRows[row.Key] = new long[layout.Columns.Count];
                    else Error($"{path}.{row.Key}", $"缺少「{row.Name}」行");
                    continue;
                }
                _row = row.Key;
                fixedRows[row.Key] = layout.IsSingleColumn ? [Amount(e, path, row.Key)] : ReadColumns(e, layout, $"{path}.{row.Key}", false, out _, out _);
            }
            var rows = new List<TableRow>();
            if (layout.HasCodedRows)
            {
                if (Required(t, "rows", $"{path}.rows", JsonValueKind.Array) is { } array)
                {
                    var i = 0;
                    foreach (var r in array.EnumerateArray())
                    {
                        var rowPath = $"{path}.rows[{i++}]";
                        if (r.ValueKind != JsonValueKind.Object) { Error(rowPath, "应为行对象 {code, name, …}"); continue; }
                        var values = ReadColumns(r, layout, rowPath, true, out var code, out var name);
                        rows.Add(new TableRow(code, name, values));
                    }
                }
            }
            return new Table(layout, fixedRows, rows);
        }

        /// <summary>
        /// A row's amounts, and a coded row's code and name (empty when missing or not text). Problems are reported in the
        /// order a clerk reads them: the code, the name, fields the layout does not know (in the file's order), then
        /// missing or bad amounts (in column order).
        /// </summary>
        private long[] ReadColumns(JsonElement e, TableLayout layout, string path, bool coded, out string code, out string name)
        {
            code = name = "";
            var values = new long[layout.Columns.Count];
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"应为对象，列出各列：{string.Join(", ", layout.Columns.Select(c => c.Key))}");
                return values;
            }
            // One pass over the row's fields, matched against the columns' UTF-8 names (the usual file lists them in
            // column order, after a coded row's code and name, so each field is tried first against the column after
            // the one the field before it named). A field named twice counts with its last value, as a lookup by name
            // would find it.
            var keys = KnownKeys.Of(layout);
            var cells = _cells.Length >= values.Length ? _cells : _cells = new JsonElement[values.Length];
            var found = _found.Length >= values.Length ? _found : _found = new bool[values.Length];
            Array.Clear(found);
            var unknown = _unknown;
            unknown.Clear();
            JsonElement? codeElement = null, nameElement = null;
            var next = 0;
            foreach (var p in e.EnumerateObject())
            {
                var column = keys.ColumnOf(p, next);
                if (column >= 0) { cells[column] = p.Value; found[column] = true; next = column + 1; }
                else if (coded && p.NameEquals("code"u8)) codeElement = p.Value;
                else if (coded && p.NameEquals("name"u8)) nameElement = p.Value;
                else unknown.Add(p);
            }
            if (coded)
            {
                code = Text(codeElement, $"{path}.code") ?? "";
                name = Text(nameElement, $"{path}.name") ?? "";
            }
            foreach (var p in unknown)
                Error(Join(path, p.Name), $"未知字段（可用字段：{string.Join(", ", coded ? keys.CodedRow : keys.FixedRow)}）");
            for (var c = 0; c < values.Length; c++)
            {
                if (!found[c])
                {
                    if (!Omits(layout, coded ? "*" : _row, layout.Columns[c].Key))
                        Error($"{path}.{layout.Columns[c].Key}", $"缺少「{layout.Columns[c].Name}」列（无数据填 0{(_template is null ? "" : $"；模板 {_template.Id} 印有此列")}）");
                }
                else values[c] = Amount(cells[c], path, layout.Columns[c].Key);
            }
            return values;
        }

        private string _row = "*";
        private JsonElement[] _cells = new JsonElement[16];
        private readonly List<JsonProperty> _unknown = [];
        private bool[] _found = new bool[16];

        private long Amount(JsonElement e, string path) => Amount(e, path, null);

        /// <summary>
        /// An amount at <paramref name="parent"/>.<paramref name="key"/> (the path is only put together for an error: a
        /// file holds a thousand and more amounts).
        /// </summary>
        private long Amount(JsonElement e, string parent, string? key)
        {
            bool parsed;
            long fen;
            string error;
            switch (e.ValueKind)
            {
                case JsonValueKind.Number:
                    parsed = Money.TryParse(JsonMarshal.GetRawUtf8Value(e), _precision, out fen, out error);
                    break;
                case JsonValueKind.String:
                    parsed = Money.TryParse(e.GetString()!, _precision, out fen, out error);
                    break;
                default:
                    Error(Path(), $"应为金额数字，实为 {Describe(e)}");
                    return 0;
            }
            if (!parsed) { Error(Path(), error); return 0; }
            if (fen < 0) Error(Path(), $"金额 {(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString())} 为负：决算表金额不能为负");
            return fen;

            string Path() => key is null ? parent : $"{parent}.{key}";
        }

        private void CheckKnown(JsonElement e, string path, string[] known)
        {
            foreach (var p in e.EnumerateObject())
            {
                var isKnown = false;
                foreach (var k in known)
                    if (p.NameEquals(k)) { isKnown = true; break; }
                if (!isKnown) Error(Join(path, p.Name), $"未知字段（可用字段：{string.Join(", ", known)}）");
            }
        }

        private JsonElement? Required(JsonElement e, string name, string path, JsonValueKind kind, string? missing = null)
        {
            if (!e.TryGetProperty(name, out var v)) { Error(path, missing ?? "缺少此字段"); return null; }
            if (v.ValueKind != kind) { Error(path, $"应为{KindName(kind)}，实为 {Describe(v)}"); return null; }
            return v;
        }

        private JsonElement? Optional(JsonElement e, string name, string path, JsonValueKind kind)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind != kind) { Error(path, $"应为{KindName(kind)}，实为 {Describe(v)}"); return null; }
            return v;
        }

        /// <summary>A required text field already looked up (null: absent), checked as <see cref="RequiredString"/> checks it.</summary>
        private string? Text(JsonElement? v, string path)
        {
            if (v is not { } value) { Error(path, "缺少此字段"); return null; }
            if (value.ValueKind != JsonValueKind.String) { Error(path, $"应为{KindName(JsonValueKind.String)}，实为 {Describe(value)}"); return null; }
            return value.GetString();
        }

        private string? RequiredString(JsonElement e, string name, string path) =>
            Required(e, name, path, JsonValueKind.String)?.GetString();

        private string? OptionalString(JsonElement e, string name, string path) =>
            Optional(e, name, path, JsonValueKind.String)?.GetString();

        private int? RequiredInt(JsonElement e, string name, string path)
        {
            if (Required(e, name, path, JsonValueKind.Number) is not { } v) return null;
            if (v.TryGetInt32(out var i)) return i;
            Error(path, $"应为整数，实为 {v.GetRawText()}");
            return null;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string KindName(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "对象 {…}",
            JsonValueKind.Array => "数组 […]",
            JsonValueKind.String => "文本",
            JsonValueKind.Number => "数字",
            _ => kind.ToString(),
        };

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => $"文本“{e.GetString()}”",
            JsonValueKind.Null => "null",
            _ => e.GetRawText().Length > 40 ? KindName(e.ValueKind) : e.GetRawText(),
        };
    }

    /// <summary>The field names a table object, a fixed row and a coded row of a layout may have, computed once per layout.</summary>
    private sealed record KnownKeys(string[] Table, string[] FixedRow, string[] CodedRow, byte[][] ColumnsUtf8)
    {
        private static readonly ConditionalWeakTable<TableLayout, KnownKeys> Cache = new();

        public static KnownKeys Of(TableLayout layout) => Cache.GetValue(layout, l =>
        {
            var columns = l.Columns.Select(c => c.Key).ToArray();
            var table = l.FixedRows.Select(r => r.Key).Concat(l.HasCodedRows ? ["rows"] : []).Append("note").ToArray();
            return new KnownKeys(table, columns, [.. columns, "code", "name"], columns.Select(System.Text.Encoding.UTF8.GetBytes).ToArray());
        });

        /// <summary>The column a row field names (trying column <paramref name="hint"/> first), or -1.</summary>
        public int ColumnOf(JsonProperty p, int hint)
        {
            if (hint < ColumnsUtf8.Length && p.NameEquals(ColumnsUtf8[hint])) return hint;
            for (var c = 0; c < ColumnsUtf8.Length; c++)
                if (c != hint && p.NameEquals(ColumnsUtf8[c])) return c;
            return -1;
        }
    }
}
