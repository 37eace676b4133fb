namespace Consolidation.Client.Inputs;

/// <summary>
/// One sheet of a workbook, or one CSV file, read as rows of text cells: what the layout readers work on, so that
/// the workbook and the CSV folder share one reader. Knows how to name a cell in an error message, and which cells
/// could not be read as text at all (a formula that cannot be evaluated): those are <see cref="Problems"/>, never "".
/// </summary>
public sealed class Grid(string source, bool spreadsheet, IReadOnlyList<string[]> rows,
    IReadOnlyDictionary<(int Row, int Column), string>? problems = null)
{
    /// <summary>The sheet's name, or the CSV file's name.</summary>
    public string Source { get; } = source;
    public IReadOnlyList<string[]> Rows { get; } = rows;
    public int RowCount => Rows.Count;

    /// <summary>Cells (row and column from 0) whose value could not be read, with what is wrong.</summary>
    public IReadOnlyDictionary<(int Row, int Column), string> Problems { get; } = problems ?? new Dictionary<(int, int), string>();

    public bool HasProblem(int row, int column) => Problems.ContainsKey((row, column));

    /// <summary>The trimmed text of a cell (row and column from 0); "" beyond the grid.</summary>
    public string Cell(int row, int column) =>
        row < Rows.Count && column < Rows[row].Length ? Rows[row][column].Trim() : "";

    public bool IsBlankRow(int row) => row >= Rows.Count || Rows[row].All(string.IsNullOrWhiteSpace);

    /// <summary>"工作表「T2」第 5 行 C 列" or "T2.csv 第 5 行第 3 列" (row and column from 0).</summary>
    public string Where(int row, int column) =>
        spreadsheet ? $"工作表「{Source}」第 {row + 1} 行 {ColumnLetter(column)} 列" : $"{Source} 第 {row + 1} 行第 {column + 1} 列";

    /// <summary>"工作表「T2」第 5 行" or "T2.csv 第 5 行".</summary>
    public string WhereRow(int row) => spreadsheet ? $"工作表「{Source}」第 {row + 1} 行" : $"{Source} 第 {row + 1} 行";

    public string WhereAll => spreadsheet ? $"工作表「{Source}」" : Source;

    public static string ColumnLetter(int column)
    {
        var s = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
