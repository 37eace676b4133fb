using Consolidation.Contracts;
using MiniExcelLibs;

namespace Consolidation.Client.Output.Exports;

/// <summary>
/// The consolidated disclosure as a native XLSX workbook (MiniExcel): an overview sheet, one sheet per table (T1 … T9),
/// the department list and the elimination report. Codes are written as text cells (their leading digits and zeros
/// survive); amounts are numeric cells in 万元 with exactly two decimals, made from the integer 分 rounded once.
/// </summary>
public static class XlsxExport
{
    public static void Write(string path, ConsolidatedDisclosure d)
    {
        var sheets = new Dictionary<string, object>
        {
            ["概况"] = Overview(d),
        };
        foreach (var t in ExportTables.Nine(d)) sheets[t.Id] = Rows(t);
        sheets["部门"] = Rows(ExportTables.Departments(d), ExportTables.Staff(d));
        sheets["抵销"] = Rows(ExportTables.Eliminations(d));
        sheets["来源"] = d.Included.Select(s => new Dictionary<string, object>
        {
            ["单位编码"] = s.DepartmentCode, ["名称"] = s.DepartmentName, ["版本"] = s.Version, ["内容指纹（SHA-256）"] = s.ContentHash,
        }).ToList();
        if (File.Exists(path)) File.Delete(path);
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);
    }

    private static List<Dictionary<string, object>> Overview(ConsolidatedDisclosure d)
    {
        var lines = new List<string> { ExportTables.Title(d), d.CoverageSummary?.Statement ?? "", "金额单位：万元",
            $"第 {d.RunNumber} 次汇总；内容指纹 {d.ContentHash}" };
        lines.AddRange(d.Overview.Split('\n'));
        lines.AddRange(d.Narrative.Split('\n'));
        return lines.Where(l => l.Length > 0).Select(l => new Dictionary<string, object> { ["内容"] = l }).ToList();
    }

    private static List<Dictionary<string, object>> Rows(ExportTable t, IReadOnlyList<int>? staff = null)
    {
        var rows = new List<Dictionary<string, object>>();
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var r = t.Rows[i];
            var row = new Dictionary<string, object> { ["编码"] = r.Code, ["项目"] = r.Name };
            for (var c = 0; c < t.Columns.Count; c++) row[t.Columns[c]] = WanYuan(r.Values[c]);
            if (staff is not null) row["实有人数"] = i < staff.Count ? staff[i] : staff.Sum();
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            var header = new Dictionary<string, object> { ["编码"] = "", ["项目"] = "本表无数据" };
            foreach (var c in t.Columns) header[c] = "";
            rows.Add(header);
        }
        return rows;
    }

    /// <summary>
    /// 分 → 万元 as an exact two-decimal cell value: the amount rounded once to a whole number of 0.01 万元 (half away from
    /// zero), then given scale 2. No floating point: the decimal is built from the integer.
    /// </summary>
    public static decimal WanYuan(long fen)
    {
        var hundredths = Domain.Model.Money.RoundHalfAwayFromZero(fen, 10_000) / 10_000;
        var magnitude = (ulong)Math.Abs(hundredths);
        return new decimal((int)(magnitude & 0xFFFFFFFF), (int)(magnitude >> 32), 0, hundredths < 0, 2);
    }
}
