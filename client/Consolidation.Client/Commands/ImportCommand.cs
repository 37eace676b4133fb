using System.ComponentModel;
using Consolidation.Client.Inputs;
using Consolidation.Client.Inputs.Pdf;
using Consolidation.Client.Output;
using Consolidation.Domain.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa import FILE -o OUT.json</c>: reads a published disclosure PDF (or any input format) and writes the submission
/// file it read, so a person can see and correct it (docs/documents.md). Exit 0 written, 3 what could not be read (each
/// problem with its page; nothing written), 5 a failure writing.
/// </summary>
public sealed class ImportCommand : Command<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("输入：部门决算公开 PDF，或 .json、.xlsx 文件、CSV 文件夹")]
        public string File { get; set; } = "";

        [CommandOption("-o|--out <OUT>")]
        [Description("写出的报送文件（.json）")]
        public string Out { get; set; } = "";

        [CommandOption("--registry <CSV>")]
        [Description("单位名录 CSV（code,name,parent,type）：PDF 中单位的编码和类型；默认 PDF 同一文件夹的 registry.csv")]
        public string? Registry { get; set; }

        [CommandOption("--department <CODE>")]
        [Description("本部门的预算单位编码（PDF 不印编码）")]
        public string? Department { get; set; }

        public override ValidationResult Validate() =>
            Out.Length == 0 ? ValidationResult.Error("缺少 -o OUT.json") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        FileConversion.Run(settings.File, settings.Out,
            () => SubmissionInput.FormatOf(settings.File) == InputFormat.Pdf
                ? DisclosurePdf.Read(settings.File, new PdfImportOptions(settings.Registry ?? SubmissionInput.RegistryBeside(settings.File), settings.Department))
                : SubmissionInput.Read(settings.File),
            accounts => SubmissionInput.Write(accounts, settings.Out, InputFormat.Json));
}
