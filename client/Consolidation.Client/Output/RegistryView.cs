using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>Prints the registry: units, a changed unit, and the history of changes.</summary>
public static class RegistryView
{
    public static string TypeName(UnitType type) => Consolidation.Domain.Model.UnitTypes.Name((Consolidation.Domain.Model.UnitType)(int)type, "—");

    public static void Changed(IAnsiConsole console, string what, RegistryUnit unit) =>
        console.MarkupLine($"{what}：{Terminal.Text(unit.Code)} {Terminal.Text(unit.Name)}（{TypeName(unit.Type)}" +
                           $"{(unit.Parent.Length > 0 ? $"，上级 {Terminal.Text(unit.Parent)}" : "，部门")}）· {Terminal.Text(unit.ChangedBy)} · {Labels.LocalTime(unit.ChangedAt)}（{Labels.Zone}）");

    /// <param name="parent">the --parent filter, empty for none</param>
    public static void List(IAnsiConsole console, ListUnitsReply reply, string parent = "")
    {
        if (reply.Units.Count == 0)
        {
            console.MarkupLine(parent.Length > 0 ? $"单位 {Terminal.Text(parent)} 没有直属下级单位" : "名录为空：尚未登记任何单位");
            return;
        }
        var table = new Table().AddColumns("编码", "名称", "类型", "上级", Labels.TimeLabel("最后修改"), "修改人");
        foreach (var u in reply.Units)
            table.AddRow(Terminal.Text(u.Code), Terminal.Text(u.Name), TypeName(u.Type), Terminal.Text(u.Parent), Labels.LocalTime(u.ChangedAt), Terminal.Text(u.ChangedBy));
        console.Write(table);
        console.MarkupLine(parent.Length > 0
            ? $"{Terminal.Text(parent)} 的直属下级单位共 {reply.Units.Count} 个"
            : $"共 {reply.Units.Count} 个单位，其中部门 {reply.Units.Count(u => u.Parent.Length == 0)} 个");
    }

    public static void History(IAnsiConsole console, ListRegistryActsReply reply)
    {
        if (reply.Acts.Count == 0)
        {
            console.MarkupLine("没有修改记录");
            return;
        }
        var table = new Table().AddColumns("序号", Labels.TimeLabel("时间"), "修改人", "动作", "编码", "修改前", "修改后", "来源");
        foreach (var a in reply.Acts)
            table.AddRow(a.Sequence.ToString(), Labels.LocalTime(a.At), Terminal.Text(a.By), Terminal.Text(a.Action), Terminal.Text(a.Code),
                Describe(a.Before), Describe(a.After), Terminal.Text(a.Source));
        console.Write(table);
    }

    private static string Describe(RegistryUnit? u) =>
        u is null ? "—" : Terminal.Text($"{u.Name}／{TypeName(u.Type)}／{(u.Parent.Length > 0 ? u.Parent : "部门")}");
}
