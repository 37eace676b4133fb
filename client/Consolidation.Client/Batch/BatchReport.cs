using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace Consolidation.Client.Batch;

/// <summary>The machine-readable report of a batch: JSON (summary and one object per input) or CSV (one row per input).</summary>
public static class BatchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>CSV when the path ends in .csv, JSON otherwise.</summary>
    public static void Write(string path, IReadOnlyList<BatchItemResult> results, BatchSummary summary, int exitCode)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)) WriteCsv(path, results);
        else File.WriteAllText(path, JsonText(results, summary, exitCode), new UTF8Encoding(false));
    }

    public static string JsonText(IReadOnlyList<BatchItemResult> results, BatchSummary summary, int exitCode) =>
        JsonSerializer.Serialize(new
        {
            summary = new
            {
                total = summary.Total,
                counts = summary.Counts.ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.Key.ToString()), c => c.Value),
                fromJournal = summary.FromJournal,
                replayed = summary.Replayed,
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                perSecond = Math.Round(summary.Rate, 1),
                exitCode,
            },
            results,
        }, Json) + "\n";

    /// <summary>The CSV report's header, in Chinese like the rest of the output (the JSON report keeps its field names).</summary>
    public static readonly string[] CsvColumns =
    [
        "文件", "结果", "状态", "部门编码", "部门名称", "年度", "版本", "强制性", "提示性", "请求编号", "重放", "取自续传日志", "说明",
    ];

    private static void WriteCsv(string path, IReadOnlyList<BatchItemResult> results)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true)); // with BOM: Excel reads it as UTF-8
        using var csv = CsvWriter.Create(writer, null, leaveOpen: false);
        csv.WriteRecord(CsvColumns);
        foreach (var r in results)
            csv.WriteRecord(
            [
                r.File, r.Outcome.Name(), r.Status, r.DepartmentCode, r.DepartmentName,
                r.FiscalYear.ToString(CultureInfo.InvariantCulture), r.Version.ToString(CultureInfo.InvariantCulture),
                r.MandatoryCount.ToString(CultureInfo.InvariantCulture), r.AdvisoryCount.ToString(CultureInfo.InvariantCulture),
                r.RequestId, r.Replayed ? "是" : "否", r.FromJournal ? "是" : "否",
                r.Reason.Length == 0 ? string.Join("; ", r.Details) : r.Reason,
            ]);
    }
}
