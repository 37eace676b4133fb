using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa consolidation --year Y</c>: print a stored consolidation run (the latest by default).</summary>
public sealed class ConsolidationCommand : AsyncCommand<ConsolidationCommand.Settings>
{
    public sealed class Settings : DisclosureSettings
    {
        [CommandOption("--run <N>")]
        [Description("汇总次序，默认最新")]
        public int Run { get; set; }

        public override ValidationResult Validate() =>
            Run < 0 ? ValidationResult.Error("--run 不能为负") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new GetConsolidationRequest { FiscalYear = settings.Year, RunNumber = settings.Run, Scope = settings.Scope ?? "" };
            var disclosure = await server.Consolidations.GetConsolidationAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(disclosure);
            else DisclosureView.Render(Terminal.Out, disclosure);
            if (settings.Out is not null) DisclosureFile.WriteAndReport(settings.Out, disclosure, settings.Json, DisclosureFile.Parse(settings.Format));
            return ExitCodes.Success;
        });
}
