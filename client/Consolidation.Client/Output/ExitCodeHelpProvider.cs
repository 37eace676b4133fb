using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Consolidation.Client.Output;

/// <summary>
/// The standard help (its headings in Chinese through Spectre's zh-Hans resources), with a title on the root page and,
/// under every page, the exit codes that command returns — only those — and, for a command that talks to the server,
/// where the server address comes from.
/// </summary>
public sealed class ExitCodeHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <summary>What each exit code means, in Chinese; a code not listed here is described by <see cref="ExitCodes.Documented"/>.</summary>
    public static string Meaning(int code) => code switch
    {
        ExitCodes.Success => "成功；报送、审核为“已接收”",
        ExitCodes.Rejected => "不通过：有强制性审核问题",
        ExitCodes.PendingExplanation => "待说明：有未说明的提示性审核问题",
        ExitCodes.BadInput => "输入有误：报送文件或参数有误，或服务器拒绝了请求；什么也没有保存",
        ExitCodes.NotFound => "未找到：没有这份报送、这次汇总、这个单位或名词",
        ExitCodes.Failure => "服务器不可用、未按时应答，或其他错误",
        ExitCodes.Forbidden => "无权操作：调用身份不允许，如部门修改名词解释",
        ExitCodes.NotAuthenticated => "未通过身份验证：没有凭据，或凭据无效、已吊销、已过期",
        ExitCodes.StateRefused => "状态不允许：年度已发布锁定，或审核流程不允许这一步",
        ExitCodes.NothingToConsolidate => "无可汇总：该年度没有已受理的决算",
        ExitCodes.RateLimited => "调用过于频繁：请稍后再试",
        _ => ExitCodes.Documented.FirstOrDefault(d => d.Code == code).Meaning ?? "",
    };

    public override IEnumerable<IRenderable> GetHeader(ICommandModel model, ICommandInfo? command)
    {
        foreach (var r in base.GetHeader(model, command)) yield return r;
        if (command is null)
            yield return new Text("fa — 部门决算报送、审核、汇总客户端" + Environment.NewLine + Environment.NewLine);
    }

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        foreach (var r in base.GetFooter(model, command)) yield return r;
        var entry = command is null ? null : CommandTree.Find(PathOf(command));
        var codes = entry?.ExitCodes ?? ExitCodes.Documented.Select(d => d.Code).ToList();
        yield return new Markup(Environment.NewLine + "[yellow]退出码：[/]" + Environment.NewLine);
        var grid = new Grid();
        grid.AddColumn(new GridColumn().PadLeft(4).PadRight(2));
        grid.AddColumn();
        foreach (var code in codes)
            grid.AddRow(new Text(code.ToString()), new Text(Meaning(code)));
        yield return grid;
        if (entry is null || entry.UsesServer)
            yield return new Markup(Environment.NewLine + "[yellow]服务器：[/]" + Environment.NewLine +
                Terminal.Escape($"    地址取 --server，否则环境变量 {ServerSettings.AddressVariable}，否则 {ServerSettings.DefaultAddress}") + Environment.NewLine +
                "    错误信息写到标准错误；--json 的输出写到标准输出" + Environment.NewLine);
    }

    private static string PathOf(ICommandInfo command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent) names.Insert(0, c.Name);
        return string.Join(' ', names);
    }
}
