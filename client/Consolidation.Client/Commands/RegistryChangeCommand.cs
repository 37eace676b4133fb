using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa registry change CODE [--name N] [--parent P] [--type T]</c>: change a registered unit (a recorded act).
/// Only the fields given change: the unit is read first and the others are sent as registered.
/// </summary>
public sealed class RegistryChangeCommand : AsyncCommand<RegistryChangeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, RegistryChangeSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var code = settings.Code.Trim();
            var units = await server.Registry.ListUnitsAsync(new ListUnitsRequest(), server.Call(cancellationToken));
            if (units.Units.FirstOrDefault(u => u.Code == code) is not { } current)
            {
                ErrorView.NotFound($"名录中没有单位编码 {code}；要新增请用 fa registry add");
                return ExitCodes.NotFound;
            }
            var unit = await server.Registry.ChangeUnitAsync(settings.ToRequest(current), server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(unit);
            else RegistryView.Changed(Terminal.Out, "已修改", unit);
            return ExitCodes.Success;
        });
}
