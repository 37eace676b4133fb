using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The Chinese names of the review states (docs/access.md#review).</summary>
public static class ReviewLabels
{
    public static string Name(ReviewState state) => state switch
    {
        ReviewState.NotPassed => "不通过",
        ReviewState.PendingExplanation => "待说明",
        ReviewState.AwaitingReview => "待审核",
        ReviewState.Received => "已受理",
        ReviewState.Returned => "已退回",
        _ => "—",
    };

    public static ReviewState? Parse(string text) => text.Trim() switch
    {
        "不通过" or "not-passed" => ReviewState.NotPassed,
        "待说明" or "pending" => ReviewState.PendingExplanation,
        "待审核" or "awaiting" => ReviewState.AwaitingReview,
        "已受理" or "received" => ReviewState.Received,
        "已退回" or "returned" => ReviewState.Returned,
        _ => null,
    };
}

/// <summary><c>fa review list --year Y [--state 待审核]</c>: each department's latest version and where it stands.</summary>
public sealed class ReviewListCommand : AsyncCommand<ReviewListCommand.Settings>
{
    public sealed class Settings : JsonServerSettings
    {
        [CommandOption("--year <YEAR>")]
        [Description("决算年度")]
        public int Year { get; set; }

        [CommandOption("--state <STATE>")]
        [Description("只列此状态：不通过、待说明、待审核、已受理、已退回")]
        public string? State { get; set; }

        public override ValidationResult Validate()
        {
            if (Year <= 0) return ValidationResult.Error("缺少 --year (the fiscal year)");
            if (State is not null && ReviewLabels.Parse(State) is null) return ValidationResult.Error($"--state “{State}”应为 不通过、待说明、待审核、已受理 或 已退回");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var reply = await server.Reviews.ListReviewsAsync(new ListReviewsRequest
            {
                FiscalYear = settings.Year, State = settings.State is null ? ReviewState.Unspecified : ReviewLabels.Parse(settings.State)!.Value,
            }, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(reply); return ExitCodes.Success; }
            var table = new Table().AddColumns("部门", "名称", "版本", "状态", "报送人", "下一步");
            foreach (var i in reply.Items)
                table.AddRow(Terminal.Escape(i.DepartmentCode), Terminal.Escape(i.DepartmentName), i.Version.ToString(), ReviewLabels.Name(i.State),
                    Terminal.Escape(i.SubmittedBy), Terminal.Escape(i.NextAction));
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"共 {reply.Items.Count} 个部门");
            return ExitCodes.Success;
        });
}

/// <summary>The department, year and version a review command is about.</summary>
public class ReviewTargetSettings : CallerSettings
{
    [CommandArgument(0, "[CODE]")]
    [Description("部门编码")]
    public string Code { get; set; } = "";

    [CommandOption("--year <YEAR>")]
    [Description("决算年度")]
    public int Year { get; set; }

    [CommandOption("--version <N>")]
    [Description("版本，默认最新")]
    public int Version { get; set; }

    /// <summary>Whether a command may go without a code (accept --all).</summary>
    protected virtual bool CodeOptional => false;

    public override ValidationResult Validate() =>
        Year <= 0 ? ValidationResult.Error("缺少 --year (the fiscal year)")
        : !CodeOptional && string.IsNullOrWhiteSpace(Code) ? ValidationResult.Error("缺少部门编码 (the department code)")
        : base.Validate();
}

/// <summary><c>fa review show CODE --year Y</c>: the version's state, each finding with the explanation beside it, the acts.</summary>
public sealed class ReviewShowCommand : AsyncCommand<ReviewTargetSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReviewTargetSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var item = await server.Reviews.GetReviewAsync(new GetReviewRequest
                { DepartmentCode = settings.Code, FiscalYear = settings.Year, Version = settings.Version }, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(item); return ExitCodes.Success; }
            ReviewView.Render(Terminal.Out, item);
            return ExitCodes.Success;
        });
}

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
                        DepartmentCode = i.DepartmentCode, FiscalYear = i.FiscalYear, Version = i.Version, Reason = settings.Reason ?? "",
                    }, server.Call(cancellationToken));
                    if (!settings.Json) Terminal.Out.MarkupLine($"[green]已受理[/] {Terminal.Escape(i.DepartmentCode)} {Terminal.Escape(i.DepartmentName)} 第 {i.Version} 版");
                }
                if (settings.Json) ProtoJson.Print(awaiting);
                else Terminal.Out.MarkupLine($"共受理 {awaiting.Items.Count} 份");
                return ExitCodes.Success;
            }
            var item = await server.Reviews.AcceptSubmissionAsync(new ReviewActRequest
            {
                DepartmentCode = settings.Code, FiscalYear = settings.Year, Version = settings.Version, Reason = settings.Reason ?? "",
            }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(item);
            else Terminal.Out.MarkupLine($"[green]已受理[/] {Terminal.Escape(item.DepartmentCode)} {item.FiscalYear} 年度第 {item.Version} 版；{Terminal.Escape(item.NextAction)}");
            return ExitCodes.Success;
        });
}

/// <summary><c>fa review return CODE --year Y --reason TEXT</c>: 已退回 with a reason the department sees.</summary>
public sealed class ReviewReturnCommand : AsyncCommand<ReviewReturnCommand.Settings>
{
    public sealed class Settings : ReviewTargetSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("退回原因，部门将看到")]
        public string? Reason { get; set; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("退回须写明 --reason (a reason is required)") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var item = await server.Reviews.ReturnSubmissionAsync(new ReviewActRequest
            {
                DepartmentCode = settings.Code, FiscalYear = settings.Year, Version = settings.Version, Reason = settings.Reason!,
            }, server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(item);
            else Terminal.Out.MarkupLine($"[yellow]已退回[/] {Terminal.Escape(item.DepartmentCode)} {item.FiscalYear} 年度第 {item.Version} 版：{Terminal.Escape(item.ReturnReason)}");
            return ExitCodes.Success;
        });
}

/// <summary>A version under review: state, next action, each finding with its explanation, the acts.</summary>
public static class ReviewView
{
    public static void Render(IAnsiConsole console, ReviewItem item)
    {
        console.MarkupLine($"[bold]{Terminal.Escape(item.DepartmentCode)} {Terminal.Escape(item.DepartmentName)}[/] {item.FiscalYear} 年度第 {item.Version} 版 · " +
                           $"[bold]{ReviewLabels.Name(item.State)}[/] · 报送人 {Terminal.Escape(item.SubmittedBy)}");
        console.MarkupLine($"下一步：{Terminal.Escape(item.NextAction)}");
        var table = new Table().AddColumns("规则", "严重程度", "位置", "审核结果", "出错说明");
        foreach (var f in item.Findings)
            table.AddRow(Terminal.Escape(f.RuleId), Labels.Name(f.Severity), Terminal.Escape(f.LocationText), Terminal.Escape(f.Message),
                f.Explained ? Terminal.Escape(f.Explanation) : f.Severity == Severity.Advisory ? "[red]未说明[/]" : "—");
        console.Write(table);
        foreach (var a in item.Acts)
            console.MarkupLine($"{Labels.LocalTime(a.At)} {(a.Act == "accept" ? "受理" : "退回")} · {Terminal.Escape(a.By)}{(a.Reason.Length > 0 ? " · " + Terminal.Escape(a.Reason) : "")}");
    }
}
