using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The options shared by <c>consolidate</c> and <c>consolidation</c>: the year and where to write the disclosure.</summary>
public class DisclosureSettings : JsonServerSettings
{
    [CommandOption("--year <YEAR>")]
    [Description("决算年度")]
    public int Year { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("另存到文件，格式按 --format 或扩展名：.html .xlsx .csv .json .pdf，其他为纯文本")]
    public string? Out { get; set; }

    [CommandOption("--format <FORMAT>")]
    [Description("--out 的格式：text、json、html、xlsx、csv、pdf（默认按扩展名）")]
    public string? Format { get; set; }

    [CommandOption("--scope <CODE>")]
    [Description("汇总范围：部门编码（该部门及其下属单位）；默认全市")]
    public string? Scope { get; set; }

    public override ValidationResult Validate()
    {
        if (Year <= 0) return ValidationResult.Error("缺少 --year 或年度无效");
        if (Format is not null && Output.DisclosureFile.Find(Format) is null)
            return ValidationResult.Error($"--format “{Format}”无效：应为 {Output.DisclosureFile.Allowed}");
        if (Format is not null && Out is null) return ValidationResult.Error("--format 须与 --out 一起使用 (--format needs --out)");
        if (Out is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(Out));
            if (directory is not null && !Directory.Exists(directory))
                return ValidationResult.Error($"--out 的目录不存在：{directory}");
        }
        return base.Validate();
    }
}
