using System.ComponentModel;
using Consolidation.Client.Inputs;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa submit FILE</c>: 报送 — read the file, send it, print the version the server stored and its findings.</summary>
public sealed class SubmitCommand : AsyncCommand<SubmitCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("报送文件：.json、.xlsx（本程序格式或公开表）、.pdf（公开的决算）或 CSV 文件夹")]
        public string File { get; set; } = "";
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            // A bad file throws here, before anything is sent.
            var (accounts, origins) = SubmissionInput.ReadWithOrigins(settings.File);
            var request = new SubmitRequest
            {
                Accounts = AccountsMapper.ToProto(accounts),
                // Idempotent: a retry of this call could never store twice; unchanged content is recognised by the server.
                RequestId = Guid.NewGuid().ToString("n"),
            };
            var record = await server.Submissions.SubmitAsync(request, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(record);
            else
            {
                if (record.Outcome == SubmitOutcome.Unchanged)
                    Terminal.Out.MarkupLine($"[grey]内容与第 {record.Version} 版相同，未保存新版本[/]");
                SubmissionView.Record(Terminal.Out, record, accounts.Precision, FindingOrigins.Of(origins));
            }
            return ExitCodes.For(record.Status);
        });
}
