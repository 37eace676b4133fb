using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Files;

/// <summary>Where a file's numbers come from: the source, whether it is synthetic, and which values were chosen.</summary>
public sealed record Provenance(string Source, bool Synthetic, IReadOnlyList<string> Notes);

/// <summary>
/// Writes accounts in the submission file format, one coded row per line so a person can read and edit it.
/// <see cref="SubmissionFile.Parse"/> reads back exactly what this writes.
/// </summary>
public static class SubmissionFileWriter
{
    private static readonly JsonSerializerOptions Strings = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(FinalAccounts a, Provenance? provenance = null)
    {
        var p = a.Precision;
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append($"  \"format\": {Q(SubmissionFile.FormatId)},\n");
        if (provenance is not null)
        {
            sb.Append("  \"provenance\": {\n");
            sb.Append($"    \"source\": {Q(provenance.Source)},\n");
            sb.Append($"    \"synthetic\": {(provenance.Synthetic ? "true" : "false")},\n");
            sb.Append("    \"notes\": [").Append(string.Join(",", provenance.Notes.Select(n => $"\n      {Q(n)}"))).Append(provenance.Notes.Count > 0 ? "\n    ]\n" : "]\n");
            sb.Append("  },\n");
        }
        sb.Append($"  \"department\": {{ \"code\": {Q(a.DepartmentCode)}, \"name\": {Q(a.DepartmentName)} }},\n");
        sb.Append($"  \"fiscalYear\": {a.FiscalYear},\n");
        if (a.Template.Length > 0) sb.Append($"  \"template\": {Q(a.Template)},\n");
        sb.Append($"  \"unit\": {Q(Money.UnitName(p))},\n");
        sb.Append("  \"composition\": {\n");
        sb.Append($"    \"self\": {UnitJson(a.Composition.Self)},\n");
        sb.Append("    \"subordinates\": [").Append(string.Join(",", a.Composition.Subordinates.Select(u => $"\n      {UnitJson(u)}")))
          .Append(a.Composition.Subordinates.Count > 0 ? "\n    ]\n" : "]\n");
        sb.Append("  },\n");
        sb.Append($"  \"staffing\": {{ \"authorized\": {a.Staffing.Authorized}, \"actual\": {a.Staffing.Actual}, \"retired\": {a.Staffing.Retired} }},\n");
        sb.Append("  \"tables\": {\n");
        var layouts = StandardLayouts.All;
        for (var i = 0; i < layouts.Count; i++)
        {
            WriteTable(sb, a[layouts[i].Id], a.NoteOf(layouts[i].Id), p);
            sb.Append(i < layouts.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("  },\n");
        if (a.FullYearBudgets.Count > 0)
            sb.Append("  \"fullYearBudgets\": { ").Append(string.Join(", ", a.FullYearBudgets.Select(b => $"{Q(b.Code)}: {Money.Format(b.Amount, p)}"))).Append(" },\n");
        if (a.Supplementary is { } sup)
        {
            sb.Append($"  \"supplementary\": {{ \"vehiclesHeld\": {sup.VehiclesHeld}");
            foreach (var (key, _, get) in SupplementaryFigures.Amounts) sb.Append($", \"{key}\": {Money.Format(get(sup), p)}");
            sb.Append(" },\n");
        }
        sb.Append("  \"explanations\": [").Append(string.Join(",", a.Explanations.Select(e =>
            $"\n    {{ \"ruleId\": {Q(e.RuleId)}, \"location\": {Q(e.Location)}, \"text\": {Q(e.Text)} }}")))
          .Append(a.Explanations.Count > 0 ? "\n  ],\n" : "],\n");
        if (a.InternalTransfers.Count > 0)
            sb.Append("  \"internalTransfers\": [").Append(string.Join(",", a.InternalTransfers.Select(t =>
                $"\n    {{ \"kind\": {Q(InternalTransfer.KindKey(t.Kind))}, \"counterparty\": {Q(t.CounterpartyCode)}, \"amount\": {Money.Format(t.Amount, p)}, " +
                $"\"functionCode\": {Q(t.FunctionCode)}{(t.UnitCode.Length > 0 ? $", \"unit\": {Q(t.UnitCode)}" : "")} }}"))).Append("\n  ],\n");
        sb.Append($"  \"narrative\": {Q(a.Narrative)}\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void WriteTable(StringBuilder sb, Table t, string note, AmountPrecision p)
    {
        var layout = t.Layout;
        sb.Append($"    \"{layout.Id}\": {{\n");
        var lines = new List<string>();
        if (note.Length > 0) lines.Add($"      \"note\": {Q(note)}");
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.BeforeCodedRows))
            lines.Add($"      \"{row.Key}\": {Cells(layout, t.FixedRows[row.Key], p)}");
        if (layout.HasCodedRows)
        {
            var rows = t.Rows.Select(r =>
                $"        {{ \"code\": {Q(r.Code)}, \"name\": {Q(r.Name)}, {Columns(layout, r.Values, p)} }}");
            lines.Add("      \"rows\": [" + (t.Rows.Count > 0 ? "\n" + string.Join(",\n", rows) + "\n      ]" : "]"));
        }
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.AfterCodedRows))
            lines.Add($"      \"{row.Key}\": {Cells(layout, t.FixedRows[row.Key], p)}");
        sb.Append(string.Join(",\n", lines)).Append("\n    }");
    }

    private static string Cells(TableLayout layout, long[] values, AmountPrecision p) =>
        layout.IsSingleColumn ? Money.Format(values[0], p) : $"{{ {Columns(layout, values, p)} }}";

    private static string Columns(TableLayout layout, long[] values, AmountPrecision p) =>
        string.Join(", ", layout.Columns.Select((c, i) => $"\"{c.Key}\": {Money.Format(values[i], p)}"));

    private static string UnitJson(Unit u) =>
        $"{{ \"code\": {Q(u.Code)}, \"name\": {Q(u.Name)}, \"type\": {Q(UnitTypes.Name(u.Type))} }}";

    private static string Q(string s) => JsonSerializer.Serialize(s, Strings);
}
