using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The department, year and version a review command is about.</summary>
public class ReviewTargetSettings : CallerSettings
{
    [CommandArgument(0, "[CODE]")]
    [Description("部门编码")]
    public string Code { get; set; } = "";

    [CommandOption("--year <YEAR>")]
    [Description("决算年度")]
    public int Year { get; set; }

    [CommandOption("--version <N>")]
    [Description("版本，默认最新")]
    public int Version { get; set; }

    /// <summary>Whether a command may go without a code (accept --all).</summary>
    protected virtual bool CodeOptional => false;

    public override ValidationResult Validate() =>
        Year <= 0 ? ValidationResult.Error("缺少 --year (the fiscal year)")
        : !CodeOptional && string.IsNullOrWhiteSpace(Code) ? ValidationResult.Error("缺少部门编码 (the department code)")
        : base.Validate();
}
