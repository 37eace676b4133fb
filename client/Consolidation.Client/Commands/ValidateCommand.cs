using System.ComponentModel;
using Consolidation.Client.Inputs;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa validate FILE</c>: 审核 only — the server runs the checks Submit would, and stores nothing.</summary>
public sealed class ValidateCommand : AsyncCommand<ValidateCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("报送文件：.json、.xlsx（本程序格式或公开表）、.pdf（公开的决算）或 CSV 文件夹")]
        public string File { get; set; } = "";

        [CommandOption("--define")]
        [Description("在审核结果后列出其中提及的名词的释义")]
        public bool Define { get; set; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var (accounts, origins) = SubmissionInput.ReadWithOrigins(settings.File);
            var request = new ValidateRequest { Accounts = AccountsMapper.ToProto(accounts) };
            var reply = await server.Submissions.ValidateAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(reply);
            else
            {
                SubmissionView.Validation(Terminal.Out, accounts, reply, FindingOrigins.Of(origins));
                if (settings.Define) await FindingDefinitions.PrintAsync(server, reply.Findings, accounts.FiscalYear, cancellationToken);
            }
            return ExitCodes.For(reply.Status);
        });
}
