using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa status CODE --year Y</c>: the status and findings of a stored version (the latest by default).</summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<CODE>")]
        [Description("预算单位编码 (department code)")]
        public string Code { get; set; } = "";

        [CommandOption("--year <YEAR>")]
        [Description("决算年度 (fiscal year)")]
        public int Year { get; set; }

        [CommandOption("--version <N>")]
        [Description("版本号，默认最新 (version; default: the latest)")]
        public int Version { get; set; }

        [CommandOption("--define")]
        [Description("在审核结果后列出其中提及的名词的释义 (print the definitions of the glossary terms the findings mention)")]
        public bool Define { get; set; }

        public override ValidationResult Validate()
        {
            if (Year <= 0) return ValidationResult.Error("缺少 --year 或年度无效 (a fiscal year is required)");
            if (Version < 0) return ValidationResult.Error("--version 不能为负 (must not be negative)");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new GetSubmissionRequest
            {
                DepartmentCode = settings.Code,
                FiscalYear = settings.Year,
                Version = settings.Version,
                // The accounts tell the unit the findings are printed in; --json prints the record without them.
                IncludeAccounts = !settings.Json,
            };
            var record = await server.Submissions.GetSubmissionAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(record);
            else
            {
                SubmissionView.Record(Terminal.Out, record, record.Accounts is { } a ? Labels.Precision(a.Precision) : null);
                if (settings.Define) await FindingDefinitions.PrintAsync(server, record.Findings, record.FiscalYear, cancellationToken);
            }
            return ExitCodes.For(record.Status);
        });
}
