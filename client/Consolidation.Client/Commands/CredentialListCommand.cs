using Consolidation.Client.Terms;
using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa credential list [--department CODE] [--all]</c>: never a secret, only key IDs.</summary>
public sealed class CredentialListCommand : AsyncCommand<CredentialListCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--department <CODE>")]
        [Description("只列该部门的凭据")]
        public string? Department { get; set; }

        [CommandOption("--all")]
        [Description("也列出已吊销和已过期的")]
        public bool All { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var reply = await server.Credentials.ListCredentialsAsync(new ListCredentialsRequest
            {
                DepartmentCode = settings.Department ?? "",
                IncludeInactive = settings.All,
            }, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(reply); return ExitCodes.Success; }
            var table = new Table().AddColumns("编号", "持有人", "角色", "状态", "签发", "有效至", "签发人", "接替");
            foreach (var c in reply.Credentials)
                table.AddRow(Terminal.Escape(c.KeyId), Terminal.Escape(c.Name), CredentialView.Role(c), Terminal.Escape(c.State),
                    Labels.LocalTime(c.IssuedAt), Labels.LocalTime(c.ExpiresAt), Terminal.Escape(c.IssuedBy), Terminal.Escape(c.RotatedFrom));
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"共 {reply.Credentials.Count} 个凭据");
            return ExitCodes.Success;
        });
}
