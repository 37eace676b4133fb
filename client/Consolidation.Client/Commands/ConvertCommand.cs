using System.ComponentModel;
using Consolidation.Client.Inputs;
using Consolidation.Client.Output;
using Consolidation.Domain.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa convert IN OUT</c>: reads a submission in any input format (JSON, XLSX, CSV folder), checks it can be read
/// and is well-formed, and writes it in another: the samples in samples/2023/xlsx and samples/2023/csv are made so.
/// </summary>
public sealed class ConvertCommand : Command<ConvertCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<IN>")]
        [Description("输入：.json、.xlsx 或 CSV 文件夹")]
        public string In { get; set; } = "";

        [CommandArgument(1, "<OUT>")]
        [Description("输出：.json、.xlsx，或（其他）CSV 文件夹")]
        public string Out { get; set; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("json、xlsx 或 csv（默认按输出的扩展名：.json、.xlsx，否则 csv）")]
        public string? Format { get; set; }

        public override ValidationResult Validate() =>
            Format is null or "json" or "xlsx" or "csv" ? ValidationResult.Success() : ValidationResult.Error("--format 应为 json、xlsx 或 csv");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var accounts = SubmissionInput.Read(settings.In);
            var format = settings.Format switch
            {
                "json" => InputFormat.Json,
                "xlsx" => InputFormat.Workbook,
                "csv" => InputFormat.CsvFolder,
                _ => Path.GetExtension(settings.Out).ToLowerInvariant() switch
                {
                    ".json" => InputFormat.Json,
                    ".xlsx" => InputFormat.Workbook,
                    _ => InputFormat.CsvFolder,
                },
            };
            SubmissionInput.Write(accounts, settings.Out, format);
            Terminal.Out.MarkupLine($"{Markup.Escape(settings.In)} → {Markup.Escape(settings.Out)}");
            return ExitCodes.Success;
        }
        catch (SubmissionFileException e)
        {
            ErrorView.BadFile(e);
            return ExitCodes.BadInput;
        }
    }
}
