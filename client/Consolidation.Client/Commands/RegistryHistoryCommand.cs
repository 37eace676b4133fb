using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa registry history [CODE]</c>: every recorded change of the registry (who, when, before → after).</summary>
public sealed class RegistryHistoryCommand : AsyncCommand<RegistryHistoryCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "[CODE]")]
        [Description("只看该单位的修改记录")]
        public string? Code { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var reply = await server.Registry.ListRegistryActsAsync(new ListRegistryActsRequest { Code = settings.Code ?? "" }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(reply);
            else RegistryView.History(Terminal.Out, reply);
            return ExitCodes.Success;
        });
}
