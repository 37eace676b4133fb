using Consolidation.Client.Output;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa registry change CODE --name N [--parent P] [--type T]</c>: change a registered unit (a recorded act).</summary>
public sealed class RegistryChangeCommand : AsyncCommand<RegistryUnitSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RegistryUnitSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var unit = await server.Registry.ChangeUnitAsync(settings.ToRequest(), server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(unit);
            else RegistryView.Changed(Terminal.Out, "已修改 (changed)", unit);
            return ExitCodes.Success;
        });
}
