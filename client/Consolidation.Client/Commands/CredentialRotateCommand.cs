using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa credential rotate KEYID [--overlap-days N]</c>: a new credential; the old one works for the overlap.</summary>
public sealed class CredentialRotateCommand : AsyncCommand<CredentialRotateCommand.Settings>
{
    public sealed class Settings : CredentialSecretSettings
    {
        [CommandArgument(0, "<KEYID>")]
        [Description("要轮换的凭据编号")]
        public string KeyId { get; set; } = "";

        [CommandOption("--overlap-days <N>")]
        [Description("旧凭据继续有效的天数，默认 7")]
        public int OverlapDays { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var issued = await server.Credentials.RotateCredentialAsync(new RotateCredentialRequest
            {
                KeyId = settings.KeyId,
                OverlapDays = settings.OverlapDays,
                ValidDays = settings.Days,
            }, server.Call(cancellationToken));
            CredentialView.Show(issued, settings.Out, settings.Json);
            return ExitCodes.Success;
        });
}
