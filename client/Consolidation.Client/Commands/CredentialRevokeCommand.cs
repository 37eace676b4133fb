using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa credential revoke KEYID [--reason TEXT]</c>.</summary>
public sealed class CredentialRevokeCommand : AsyncCommand<CredentialRevokeCommand.Settings>
{
    public sealed class Settings : CallerSettings
    {
        [CommandArgument(0, "<KEYID>")]
        [Description("要吊销的凭据编号")]
        public string KeyId { get; set; } = "";

        [CommandOption("--reason <TEXT>")]
        [Description("吊销原因，记入审计记录")]
        public string? Reason { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var info = await server.Credentials.RevokeCredentialAsync(new RevokeCredentialRequest { KeyId = settings.KeyId, Reason = settings.Reason ?? "" },
                server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(info);
            else CredentialView.Describe(Terminal.Out, info);
            return ExitCodes.Success;
        });
}
