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
/// Exit 0 written, 3 an unreadable input or an output it cannot write (an unknown extension: nothing is written), 5 a
/// failure writing.
/// </summary>
public sealed class ConvertCommand : Command<ConvertCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<IN>")]
        [Description("输入：.json、.xlsx、.pdf 文件或 CSV 文件夹")]
        public string In { get; set; } = "";

        [CommandArgument(1, "<OUT>")]
        [Description("输出：.json、.xlsx、.pdf 文件，或不带扩展名的 CSV 文件夹")]
        public string Out { get; set; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("json、xlsx、official（公开表格式的 .xlsx）、pdf（公开文本）或 csv；默认按输出的扩展名（.json、.xlsx、.pdf，无扩展名为 CSV 文件夹）")]
        public string? Format { get; set; }

        public override ValidationResult Validate()
        {
            if (Format is not (null or "json" or "xlsx" or "official" or "pdf" or "csv")) return ValidationResult.Error($"--format “{Format}”无效：应为 json、xlsx、official、pdf 或 csv");
            return TargetFormat(Out, Format, out var error) is null ? ValidationResult.Error(error) : ValidationResult.Success();
        }
    }

    /// <summary>The format to write <paramref name="path"/> in, or null (with why) when the path names none of them.</summary>
    public static InputFormat? TargetFormat(string path, string? format, out string error)
    {
        error = "";
        var extension = Path.GetExtension(Path.TrimEndingDirectorySeparator(path)).ToLowerInvariant();
        InputFormat? byExtension = extension switch
        {
            ".json" => InputFormat.Json,
            ".xlsx" => InputFormat.Workbook,
            ".pdf" => InputFormat.Pdf,
            "" => InputFormat.CsvFolder,
            _ => Directory.Exists(path) ? InputFormat.CsvFolder : null,
        };
        InputFormat? wanted = format switch
        {
            "json" => InputFormat.Json,
            "xlsx" => InputFormat.Workbook,
            "official" => InputFormat.OfficialWorkbook,
            "pdf" => InputFormat.Pdf,
            "csv" => InputFormat.CsvFolder,
            _ => byExtension,
        };
        if (wanted is null)
            error = $"不认识的输出格式“{extension}”（{path}）：输出应为 .json、.xlsx、.pdf 文件，或不带扩展名的 CSV 文件夹；什么也没有写出";
        else if (byExtension is { } e && e != wanted && extension.Length > 0 && !(e == InputFormat.Workbook && wanted == InputFormat.OfficialWorkbook))
        {
            error = $"--format {format} 与输出的扩展名“{extension}”不符；什么也没有写出";
            return null;
        }
        else if (wanted == InputFormat.CsvFolder && File.Exists(path))
        {
            error = $"{path} 是一个文件：CSV 格式写出的是一个文件夹；什么也没有写出";
            return null;
        }
        return wanted;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        FileConversion.Run(settings.In, settings.Out, () => SubmissionInput.Read(settings.In),
            accounts => SubmissionInput.Write(accounts, settings.Out, TargetFormat(settings.Out, settings.Format, out _)!.Value));
}
