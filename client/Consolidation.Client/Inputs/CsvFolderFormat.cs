using System.Text;
using Consolidation.Domain.Files;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using CsvHelper;

namespace Consolidation.Client.Inputs;

/// <summary>
/// A folder of CSV files (docs/batch.md): info.csv (基本信息), T1.csv … T9.csv (科目编码,科目名称,columns; amounts in
/// the unit of info.csv), explanations.csv (出错说明, optional), transfers.csv (内部往来, optional) and narrative.txt
/// (情况说明, optional). UTF-8.
/// </summary>
public static class CsvFolderFormat
{
    public const string InfoFile = "info.csv";
    public const string ExplanationFile = "explanations.csv";
    public const string TransferFile = "transfers.csv";
    public const string NarrativeFile = "narrative.txt";

    public static string TableFile(TableLayout layout) => $"{layout.Id}.csv";

    public static FinalAccounts Read(string folder)
    {
        try
        {
            Grid? Load(string name)
            {
                var path = Path.Combine(folder, name);
                return File.Exists(path) ? ToGrid(path, name) : null;
            }
            var narrativePath = Path.Combine(folder, NarrativeFile);
            var narrative = File.Exists(narrativePath) ? File.ReadAllText(narrativePath, Encoding.UTF8) : "";
            return AccountsGridReader.Read(folder, Load(InfoFile), StandardLayouts.All.ToDictionary(l => l.Id, l => Load(TableFile(l))),
                Load(ExplanationFile), Load(TransferFile), narrative, InfoFile, TableFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            throw new SubmissionFileException(folder, [new Violation("(文件夹)", $"无法读取 CSV：{(e is CsvFormatException ? "CSV 格式不对（引号不成对？）" : ReadErrorText.Of(e))}")]);
        }
    }

    private static Grid ToGrid(string path, string name)
    {
        // Every line is a row (empty ones too), so that row numbers in errors are the file's line numbers.
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
            rows.Add(row);
        }
        return new Grid(name, spreadsheet: false, rows);
    }

    public static void Write(FinalAccounts accounts, string folder) => Write(AccountsGrids.Of(accounts), folder);

    public static void Write(AccountsGrids grids, string folder)
    {
        Directory.CreateDirectory(folder);
        WriteCsv(Path.Combine(folder, InfoFile), grids.Info);
        foreach (var layout in StandardLayouts.All) WriteCsv(Path.Combine(folder, TableFile(layout)), grids.Tables[layout.Id]);
        WriteCsv(Path.Combine(folder, ExplanationFile), grids.Explanations);
        WriteCsv(Path.Combine(folder, TransferFile), grids.Transfers);
        File.WriteAllText(Path.Combine(folder, NarrativeFile), grids.Narrative, new UTF8Encoding(false));
    }

    private static void WriteCsv(string path, IReadOnlyList<string[]> rows)
    {
        // With a BOM, so that Excel opens the Chinese text as UTF-8.
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        using var csv = CsvWriter.Create(writer, null, leaveOpen: false);
        // Every record gets the same number of fields (trailing empty cells read as absent).
        var width = rows.Max(r => r.Length);
        foreach (var row in rows) csv.WriteRecord(row.Length == width ? row : [.. row, .. Enumerable.Repeat("", width - row.Length)]);
    }
}
