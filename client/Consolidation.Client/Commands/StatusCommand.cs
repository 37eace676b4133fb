using Consolidation.Client.Terms;
using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa status CODE [--year Y] [--number N]</c>: the status and findings of a stored version — by default the latest
/// version of the latest year the department submitted for (the options of <c>fa versions</c>: --year, and --number
/// for a version number).
/// </summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<CODE>")]
        [Description("预算单位编码")]
        public string Code { get; set; } = "";

        [CommandOption("--year <YEAR>")]
        [Description("决算年度；默认该部门报送过的最新年度")]
        public int Year { get; set; }

        [CommandOption("--number <N>")]
        [Description("版本号（见 fa versions）；默认最新版")]
        public int Number { get; set; }

        [CommandOption("--define")]
        [Description("在审核结果后列出其中提及的名词的释义")]
        public bool Define { get; set; }

        public override ValidationResult Validate()
        {
            if (Year < 0) return ValidationResult.Error("--year 不能为负");
            if (Number < 0) return ValidationResult.Error("--number 不能为负");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var year = settings.Year;
            if (year == 0)
            {
                // No year given: the latest year the department has a submission for.
                var versions = await server.Submissions.ListVersionsAsync(new ListVersionsRequest { DepartmentCode = settings.Code }, server.Call(cancellationToken));
                if (versions.Versions.Count == 0)
                {
                    ErrorView.NotFound($"{settings.Code} 没有报送记录");
                    return ExitCodes.NotFound;
                }
                year = versions.Versions.Max(v => v.FiscalYear);
            }
            var request = new GetSubmissionRequest
            {
                DepartmentCode = settings.Code,
                FiscalYear = year,
                Version = settings.Number,
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
