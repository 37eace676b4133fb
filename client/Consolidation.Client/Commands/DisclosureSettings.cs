using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The options shared by <c>consolidate</c> and <c>consolidation</c>: the year and where to write the disclosure.</summary>
public class DisclosureSettings : JsonServerSettings
{
    [CommandOption("--year <YEAR>")]
    [Description("决算年度 (fiscal year)")]
    public int Year { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("另存到文件：.json 为 proto JSON，其他为纯文本 (write to FILE: .json → proto JSON, else plain text)")]
    public string? Out { get; set; }

    public override ValidationResult Validate()
    {
        if (Year <= 0) return ValidationResult.Error("缺少 --year 或年度无效 (a fiscal year is required)");
        if (Out is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(Out));
            if (directory is not null && !Directory.Exists(directory))
                return ValidationResult.Error($"--out 的目录不存在 (directory does not exist)：{directory}");
        }
        return base.Validate();
    }
}
