using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;

namespace Consolidation.Server.Application;

/// <summary>Reads the registry of expected departments: a CSV with a header, one department a line: code,name,type (行政/事业/其他).</summary>
public static class Registry
{
    public static IReadOnlyList<RegisteredDepartment> Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return [];
        var departments = new List<RegisteredDepartment>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (lineNo == 1 || line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split(',');
            if (cols.Length < 2) throw new FormatException($"{path} 第 {lineNo} 行：应为 code,name,type");
            var type = cols.Length > 2 ? cols[2].Trim() switch
            {
                "事业" => UnitType.PublicInstitution,
                "其他" => UnitType.Other,
                _ => UnitType.Administrative,
            } : UnitType.Administrative;
            departments.Add(new RegisteredDepartment(cols[0].Trim(), cols[1].Trim(), type));
        }
        return departments;
    }
}
