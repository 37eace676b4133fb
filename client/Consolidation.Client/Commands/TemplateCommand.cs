using System.ComponentModel;
using Consolidation.Client.Inputs;
using Consolidation.Client.Output;
using Consolidation.Domain.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa template --format xlsx|csv OUT</c>: writes an empty workbook (or CSV folder) for a department to fill in.</summary>
public sealed class TemplateCommand : Command<TemplateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<OUT>")]
        [Description("输出：.xlsx 文件，或 CSV 文件夹 (output workbook, or folder for CSV)")]
        public string Out { get; set; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("xlsx 或 csv")]
        [DefaultValue("xlsx")]
        public string Format { get; set; } = "xlsx";

        [CommandOption("--unit <UNIT>")]
        [Description("金额单位：万元 或 元 (the amounts' unit)")]
        [DefaultValue("万元")]
        public string Unit { get; set; } = "万元";

        public override ValidationResult Validate() =>
            Format is not ("xlsx" or "csv") ? ValidationResult.Error("--format 应为 xlsx 或 csv")
            : Unit is not ("万元" or "元") ? ValidationResult.Error("--unit 应为 万元 或 元")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var grids = AccountsGrids.Template(settings.Unit == "元" ? AmountPrecision.Yuan : AmountPrecision.WanYuan2);
        if (settings.Format == "xlsx") WorkbookFormat.Write(grids, "", settings.Out);
        else CsvFolderFormat.Write(grids, settings.Out);
        Terminal.Out.MarkupLine($"已写出空白模板 (template written)：{Markup.Escape(settings.Out)}");
        return ExitCodes.Success;
    }
}
