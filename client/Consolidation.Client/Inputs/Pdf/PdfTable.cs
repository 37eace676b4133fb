using Consolidation.Domain.Validation;

namespace Consolidation.Client.Inputs.Pdf;

/// <summary>One printed cell as read: its row (a fixed row's key or a code), its column key, the printed text and its page.</summary>
public sealed record PdfCell(string Row, string Column, string Printed, int Page);

/// <summary>One of the nine tables as read from a PDF: every printed cell placed, the coded rows' printed names, its 说明.</summary>
public sealed class PdfTable(string id, int page)
{
    public string Id { get; } = id;
    /// <summary>The page its title is on.</summary>
    public int Page { get; } = page;
    /// <summary>金额单位 as printed ("万元", "元"); "" when the table prints none.</summary>
    public string Unit { get; set; } = "";
    public Dictionary<(string Row, string Column), PdfCell> Cells { get; } = [];
    /// <summary>Coded rows in printed order, with their printed names (wrapped lines joined).</summary>
    public List<(string Code, string Name, int Page)> CodedRows { get; } = [];
    /// <summary>Column keys whose header is printed.</summary>
    public HashSet<string> Columns { get; } = [];
    /// <summary>Fixed rows whose label is printed.</summary>
    public HashSet<string> FixedRows { get; } = [];
    /// <summary>The 说明 printed under the table ("说明：…"), lines joined; "" when none.</summary>
    public string Note { get; set; } = "";
    /// <summary>The pages the table is printed on.</summary>
    public SortedSet<int> Pages { get; } = [];
}

/// <summary>What could not be read, each with its page: a 格式有误 problem of the file (nothing is sent).</summary>
public sealed class PdfProblems
{
    private readonly List<Violation> _list = [];
    public IReadOnlyList<Violation> All => _list;
    public void Add(int page, string message) => _list.Add(new Violation(page > 0 ? $"第 {page} 页" : "文件", message));
    public bool Any => _list.Count > 0;
}
