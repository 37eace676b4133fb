using System.Globalization;
using Consolidation.Contracts;
using CsvHelper;

namespace Consolidation.Client.Output.Exports;

/// <summary>
/// The consolidated disclosure as one CSV (CsvHelper), UTF-8 with a byte order mark so Excel reads the Chinese: one
/// line per table cell — table, table name, code, item, column, amount in 万元 (rounded once) and in 分 (exact). Codes
/// are always quoted text fields; amounts are plain numbers.
/// </summary>
public static class CsvExport
{
    public static readonly string[] Header = ["表号", "表名", "科目编码", "项目", "栏目", "金额（万元）", "金额（分）"];

    public static void Write(string path, ConsolidatedDisclosure d)
    {
        using var stream = File.Create(path);
        Write(stream, d);
    }

    public static void Write(Stream stream, ConsolidatedDisclosure d)
    {
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.None, // negative amounts start with '-': they are numbers, not formulas
        };
        using var csv = CsvWriter.Create(stream, options, true);
        csv.WriteHeader(Header);
        var tables = ExportTables.Nine(d).Append(ExportTables.Departments(d)).Append(ExportTables.Eliminations(d));
        foreach (var t in tables)
        {
            foreach (var row in t.Rows)
            {
                for (var c = 0; c < t.Columns.Count; c++)
                {
                    csv.WriteField(t.Id);
                    csv.WriteField(t.Title);
                    csv.WriteField(row.Code, CsvQuoting.Always);
                    csv.WriteField(row.Name);
                    csv.WriteField(t.Columns[c]);
                    csv.WriteField(ExportTables.Wan(row.Values[c]));
                    csv.WriteField(row.Values[c].ToString(CultureInfo.InvariantCulture));
                    csv.EndRecord();
                }
            }
        }
        csv.Flush();
    }
}
