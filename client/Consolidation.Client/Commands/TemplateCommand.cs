using System.ComponentModel;
using Consolidation.Client.Inputs;
using Consolidation.Client.Output;
using Consolidation.Domain.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa template --format xlsx|csv OUT</c>: writes an empty workbook (or CSV folder) for a department to fill in.
/// Exit 0 written, 3 bad arguments (an output that does not fit the format), 5 a failure writing.
/// </summary>
public sealed class TemplateCommand : Command<TemplateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<OUT>")]
        [Description("输出：.xlsx 文件，或不带扩展名的 CSV 文件夹")]
        public string Out { get; set; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("xlsx 或 csv")]
        [DefaultValue("xlsx")]
        public string Format { get; set; } = "xlsx";

        [CommandOption("--unit <UNIT>")]
        [Description("金额单位：万元 或 元")]
        [DefaultValue("万元")]
        public string Unit { get; set; } = "万元";

        public override ValidationResult Validate()
        {
            if (Format is not ("xlsx" or "csv")) return ValidationResult.Error($"--format “{Format}”无效：应为 xlsx 或 csv");
            if (Unit is not ("万元" or "元")) return ValidationResult.Error($"--unit “{Unit}”无效：应为 万元 或 元");
            var extension = Path.GetExtension(Path.TrimEndingDirectorySeparator(Out)).ToLowerInvariant();
            if (Format == "xlsx" && extension != ".xlsx")
                return ValidationResult.Error($"工作簿模板的文件名应以 .xlsx 结尾（{Out}）；要写 CSV 文件夹请加 --format csv");
            if (Format == "csv" && (extension is ".xlsx" or ".json" or ".csv" or ".txt" || File.Exists(Out)))
                return ValidationResult.Error($"CSV 模板写出的是一个文件夹，“{Out}”不是文件夹名");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var grids = AccountsGrids.Template(settings.Unit == "元" ? AmountPrecision.Yuan : AmountPrecision.WanYuan2);
        try
        {
            if (settings.Format == "xlsx") WorkbookFormat.Write(grids, "", settings.Out);
            else CsvFolderFormat.Write(grids, settings.Out);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorView.WriteFailed(settings.Out, e);
            return ExitCodes.Failure;
        }
        Terminal.Out.MarkupLine($"已写出空白模板：{Terminal.Escape(settings.Out)}");
        return ExitCodes.Success;
    }
}
