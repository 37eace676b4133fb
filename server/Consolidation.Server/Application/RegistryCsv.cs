using System.Globalization;
using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using CsvHelper;

namespace Consolidation.Server.Application;

/// <summary>
/// Reads a registry CSV (预算单位名录) with CsvHelper: a header naming the columns <c>code,name,type</c> and optionally
/// <c>parent</c> (in any order), one unit a line; type is 行政 / 事业 / 其他. Every bad line is named; nothing half-read is
/// returned.
/// </summary>
public static class RegistryCsv
{
    public static IReadOnlyList<RegisteredDepartment> Parse(string csv, string source = "(csv)")
    {
        var violations = new List<Violation>();
        var units = new List<RegisteredDepartment>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            CommentPrefix = '#',
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            NormalizeHeaderName = h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant(),
        };
        using var reader = CsvReader.Create(new StringReader(csv.TrimStart('\uFEFF')), options, false);
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
            throw new RegistryRefusedException([new Violation(source, "名录为空：第一行应为表头 code,name,parent,type")]);
        foreach (var required in new[] { "code", "name" })
            if (!header.Contains(required))
                violations.Add(new Violation($"{source} 表头", $"缺少“{required}”列（表头应为 code,name,parent,type）"));
        if (violations.Count > 0) throw new RegistryRefusedException(violations);
        int Column(string name) => header.IndexOf(name);
        var hasParent = header.Contains("parent");
        var hasType = header.Contains("type");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var where = $"{source} 第 {reader.LineNumber} 行";
            var code = reader.GetString(Column("code"));
            var name = reader.GetString(Column("name"));
            var parent = hasParent ? reader.GetString(Column("parent")) : "";
            var typeText = hasType ? reader.GetString(Column("type")) : "";
            var problems = Check(code, name, parent, typeText, out var type);
            if (!seen.Add(code)) problems.Add($"编码 {code} 重复");
            violations.AddRange(problems.Select(p => new Violation(where, p)));
            if (problems.Count == 0) units.Add(new RegisteredDepartment(code, name, type, parent));
        }
        if (violations.Count > 0) throw new RegistryRefusedException(violations);
        return units;
    }

    /// <summary>What is wrong with one unit's fields (empty when nothing is).</summary>
    public static List<string> Check(string code, string name, string parent, string typeText, out UnitType type)
    {
        var problems = new List<string>();
        if (!AccountsValidator.DepartmentCodePattern().IsMatch(code)) problems.Add($"单位编码“{code}”格式不对：应为 6 至 12 位数字");
        if (string.IsNullOrWhiteSpace(name)) problems.Add("单位名称为空");
        if (parent.Length > 0 && !AccountsValidator.DepartmentCodePattern().IsMatch(parent)) problems.Add($"上级单位编码“{parent}”格式不对");
        if (parent == code && code.Length > 0) problems.Add("上级单位不能是自己");
        type = UnitTypes.Parse(typeText) ?? UnitType.Unspecified;
        if (type == UnitType.Unspecified) problems.Add($"单位类型“{typeText}”无效：应为 {UnitTypes.Allowed}");
        return problems;
    }
}

/// <summary>A registry change or import that cannot be made as it is; nothing was changed.</summary>
public sealed class RegistryRefusedException(IReadOnlyList<Violation> violations)
    : Exception("单位名录数据有误，未作任何修改：" + string.Join("；", violations.Select(v => v.ToString())))
{
    public IReadOnlyList<Violation> Violations { get; } = violations;
}

/// <summary>Adding a unit whose code is registered already.</summary>
public sealed class UnitExistsException(string code) : Exception($"单位编码 {code} 已在名录中；要修改请用 registry change");

/// <summary>Changing a unit that is not registered.</summary>
public sealed class UnitNotFoundException(string code) : Exception($"名录中没有单位编码 {code}；要新增请用 registry add");
