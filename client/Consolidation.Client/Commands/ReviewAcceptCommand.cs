using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa review accept CODE --year Y [--version N]</c>: 已受理 (from 待审核 only).</summary>
public sealed class ReviewAcceptCommand : AsyncCommand<ReviewAcceptCommand.Settings>
{
    public sealed class Settings : ReviewTargetSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("受理意见（可选），记入审核记录")]
        public string? Reason { get; set; }

        [CommandOption("--all")]
        [Description("受理该年度全部待审核的最新版本，每份记为一次受理")]
        public bool All { get; set; }

        protected override bool CodeOptional => All;

        public override ValidationResult Validate() =>
            All && !string.IsNullOrWhiteSpace(Code) ? ValidationResult.Error("--all 与部门编码不能同时给出") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            if (settings.All)
            {
                var awaiting = await server.Reviews.ListReviewsAsync(new ListReviewsRequest { FiscalYear = settings.Year, State = ReviewState.AwaitingReview },
                    server.Call(cancellationToken));
                foreach (var i in awaiting.Items)
                {
                    await server.Reviews.AcceptSubmissionAsync(new ReviewActRequest
                    {
                        DepartmentCode = i.DepartmentCode,
                        FiscalYear = i.FiscalYear,
                        Version = i.Version,
                        Reason = settings.Reason ?? "",
                    }, server.Call(cancellationToken));
                    if (!settings.Json) Terminal.Out.MarkupLine($"[green]已受理[/] {Terminal.Escape(i.DepartmentCode)} {Terminal.Escape(i.DepartmentName)} 第 {i.Version} 版");
                }
                if (settings.Json) ProtoJson.Print(awaiting);
                else Terminal.Out.MarkupLine($"共受理 {awaiting.Items.Count} 份");
                return ExitCodes.Success;
            }
            var item = await server.Reviews.AcceptSubmissionAsync(new ReviewActRequest
            {
                DepartmentCode = settings.Code,
                FiscalYear = settings.Year,
                Version = settings.Version,
                Reason = settings.Reason ?? "",
            }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(item);
            else Terminal.Out.MarkupLine($"[green]已受理[/] {Terminal.Escape(item.DepartmentCode)} {item.FiscalYear} 年度第 {item.Version} 版；{Terminal.Escape(item.NextAction)}");
            return ExitCodes.Success;
        });
}
