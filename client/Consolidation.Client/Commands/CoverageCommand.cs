using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa coverage --year Y</c>: who has submitted, been accepted, waits for explanations, was rejected, or is missing.</summary>
public sealed class CoverageCommand : AsyncCommand<CoverageCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--year <YEAR>")]
        [Description("决算年度")]
        public int Year { get; set; }

        public override ValidationResult Validate() =>
            Year <= 0 ? ValidationResult.Error("缺少 --year 或年度无效") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new ListCoverageRequest { FiscalYear = settings.Year };
            var coverage = await server.Consolidations.ListCoverageAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(coverage);
            else CoverageView.Render(Terminal.Out, coverage, onlyOutstanding: false);
            return ExitCodes.Success;
        });
}
