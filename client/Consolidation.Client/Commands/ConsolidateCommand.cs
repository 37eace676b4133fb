using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa consolidate --year Y</c>: 汇总 — run a new consolidation of the year's accepted accounts and print it.</summary>
public sealed class ConsolidateCommand : AsyncCommand<ConsolidateCommand.Settings>
{
    public sealed class Settings : DisclosureSettings
    {
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var request = new RunConsolidationRequest
            {
                FiscalYear = settings.Year,
                Scope = settings.Scope ?? "",
            };
            var disclosure = await server.Consolidations.RunConsolidationAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(disclosure);
            else DisclosureView.Render(Terminal.Out, disclosure);
            if (settings.Out is not null) DisclosureFile.WriteAndReport(settings.Out, disclosure, settings.Json, DisclosureFile.Parse(settings.Format));
            return ExitCodes.Success;
        });
}
