using System.ComponentModel;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The fields of a registry add / change: code, name, parent, type, who.</summary>
public class RegistryUnitSettings : JsonServerSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("单位编码")]
    public string Code { get; set; } = "";

    [CommandOption("--name <NAME>")]
    [Description("单位名称")]
    public string? Name { get; set; }

    [CommandOption("--parent <CODE>")]
    [Description("上级单位编码；部门留空")]
    public string? Parent { get; set; }

    [CommandOption("--type <TYPE>")]
    [Description("单位类型：行政、事业 或 其他；登记时默认 行政")]
    public string? Type { get; set; }


    public override ValidationResult Validate()
    {
        if (RequiresName && string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("缺少 --name：登记单位须有名称");
        if (Name is not null && Name.Trim().Length == 0) return ValidationResult.Error("--name 不能为空");
        if (Type is not null && ParseType(Type) is null) return ValidationResult.Error($"--type “{Type}”无效：应为 {Consolidation.Domain.Model.UnitTypes.Allowed}");
        return base.Validate();
    }

    /// <summary>An add needs a name; a change touches only the fields it is given.</summary>
    protected virtual bool RequiresName => true;

    internal static UnitType? ParseType(string? text) => Consolidation.Domain.Model.UnitTypes.Parse(text) is { } t ? (UnitType)(int)t : null;

    public RegistryUnitChange ToRequest() => new()
    {
        Code = Code.Trim(),
        Name = Name!.Trim(),
        Parent = (Parent ?? "").Trim(),
        Type = ParseType(Type) ?? UnitType.Administrative,
    };
}
