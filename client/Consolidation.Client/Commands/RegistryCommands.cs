using System.ComponentModel;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The fields of a registry add / change: code, name, parent, type, who.</summary>
public class RegistryUnitSettings : JsonServerSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("单位编码 (unit code, 6–12 digits)")]
    public string Code { get; set; } = "";

    [CommandOption("--name <NAME>")]
    [Description("单位名称 (name)")]
    public string? Name { get; set; }

    [CommandOption("--parent <CODE>")]
    [Description("上级单位编码；部门留空 (parent unit; empty for a department)")]
    public string? Parent { get; set; }

    [CommandOption("--type <TYPE>")]
    [Description("单位类型：行政、事业 或 其他 (default 行政)")]
    public string? Type { get; set; }


    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("缺少 --name (a name is required)");
        if (Type is not null && ParseType(Type) is null) return ValidationResult.Error($"--type “{Type}”无效：应为 行政、事业 或 其他");
        return base.Validate();
    }

    public static UnitType? ParseType(string? text) => (text ?? "").Trim() switch
    {
        "" or "行政" => UnitType.Administrative,
        "事业" => UnitType.PublicInstitution,
        "其他" => UnitType.Other,
        _ => null,
    };

    public RegistryUnitChange ToRequest() => new()
    {
        Code = Code.Trim(), Name = Name!.Trim(), Parent = (Parent ?? "").Trim(), Type = ParseType(Type) ?? UnitType.Administrative,
    };
}
