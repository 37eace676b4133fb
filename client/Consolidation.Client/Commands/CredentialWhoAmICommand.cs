using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa credential whoami</c>: the credential this client uses.</summary>
public sealed class CredentialWhoAmICommand : AsyncCommand<JsonServerSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, JsonServerSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var info = await server.Credentials.WhoAmIAsync(new WhoAmIRequest(), server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(info);
            else CredentialView.Describe(Terminal.Out, info);
            return ExitCodes.Success;
        });
}
