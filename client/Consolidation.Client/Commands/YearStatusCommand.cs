using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa year status --year Y</c>: whether the year is locked, and every publish / reopen act.</summary>
public sealed class YearStatusCommand : AsyncCommand<YearSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, YearSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var state = await server.Consolidations.GetYearLockAsync(new GetYearLockRequest { FiscalYear = settings.Year }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(state);
            else YearLockView.Render(Terminal.Out, state);
            return ExitCodes.Success;
        });
}
