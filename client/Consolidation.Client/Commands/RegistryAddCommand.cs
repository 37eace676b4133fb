using Consolidation.Client.Output;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa registry add CODE --name N [--parent P] [--type 事业]</c>: register a department or unit (a recorded act).</summary>
public sealed class RegistryAddCommand : AsyncCommand<RegistryUnitSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RegistryUnitSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var unit = await server.Registry.AddUnitAsync(settings.ToRequest(), server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(unit);
            else RegistryView.Changed(Terminal.Out, "已登记", unit);
            return ExitCodes.Success;
        });
}
