using System.ComponentModel;
using System.Text;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>
/// <c>fa credential issue | list | revoke | rotate | whoami</c>: the finance bureau's credentials for departments and its
/// own users (docs/access.md). A new credential is shown once: on stdout, or written with --out to a new file only its
/// owner can read.
/// </summary>
public static class CredentialCommands
{
    public class SecretSettings : CallerSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("把新凭据写入此文件（新建，仅本用户可读），不显示在屏幕上")]
        public string? Out { get; set; }

        [CommandOption("--days <N>")]
        [Description("有效天数，默认 365")]
        public int Days { get; set; }

        public override ValidationResult Validate()
        {
            if (Days is < 0 or > 3660) return ValidationResult.Error("--days 应为 1 到 3660");
            if (Out is not null && File.Exists(Out)) return ValidationResult.Error($"--out {Out} 已存在：不会覆盖 (exists; not overwritten)");
            return base.Validate();
        }
    }

    /// <summary>Shows the new credential once: to the --out file, or on stdout with a warning that it will not be shown again.</summary>
    public static void Show(IssuedCredential issued, SecretSettings settings)
    {
        if (settings.Out is { } path)
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(path, options)) file.Write(Encoding.UTF8.GetBytes(issued.Secret + "\n"));
        }
        if (settings.Json)
        {
            // The secret goes to the file when one was named; otherwise it is part of the reply printed.
            if (settings.Out is not null) issued = new IssuedCredential { Credential = issued.Credential };
            ProtoJson.Print(issued);
            return;
        }
        Describe(Terminal.Out, issued.Credential);
        if (settings.Out is not null)
            Terminal.Out.MarkupLine($"凭据已写入 [bold]{Terminal.Escape(settings.Out)}[/]（仅本用户可读）；持有人用 FA_CREDENTIAL_FILE 或 --credential-file 指向它。");
        else
        {
            Terminal.Out.MarkupLine("[yellow]凭据只显示这一次，服务器只保存其加盐散列 (shown once; the server keeps only a salted hash)：[/]");
            Terminal.Out.WriteLine(issued.Secret);
        }
    }

    public static void Describe(IAnsiConsole console, CredentialInfo c)
    {
        console.MarkupLine($"[bold]{Terminal.Escape(c.KeyId)}[/] {Terminal.Escape(c.Name)} · {Role(c)} · {Terminal.Escape(c.State)} · " +
                           $"有效至 {Labels.LocalTime(c.ExpiresAt)}{(c.RotatedFrom.Length > 0 ? $" · 接替 {Terminal.Escape(c.RotatedFrom)}" : "")}");
    }

    public static string Role(CredentialInfo c) =>
        c.Role == PrincipalRole.Bureau ? "财政局" : $"部门 {Terminal.Escape(c.DepartmentCode)}";
}

/// <summary><c>fa credential issue --name N --role department --department CODE | --role bureau</c>.</summary>
public sealed class CredentialIssueCommand : AsyncCommand<CredentialIssueCommand.Settings>
{
    public sealed class Settings : CredentialCommands.SecretSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("持有人：姓名或岗位，记为操作人")]
        public string? Name { get; set; }

        [CommandOption("--role <ROLE>")]
        [Description("department（部门）或 bureau（财政局）")]
        public string? Role { get; set; }

        [CommandOption("--department <CODE>")]
        [Description("部门凭据的部门编码（须已登记在名录中）")]
        public string? Department { get; set; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("缺少 --name (who holds the credential)");
            if (Role is not ("department" or "bureau")) return ValidationResult.Error("--role 应为 department 或 bureau");
            if (Role == "department" && string.IsNullOrWhiteSpace(Department)) return ValidationResult.Error("部门凭据须给出 --department CODE");
            if (Role == "bureau" && !string.IsNullOrWhiteSpace(Department)) return ValidationResult.Error("财政局凭据不要给 --department");
            return base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var issued = await server.Credentials.IssueCredentialAsync(new IssueCredentialRequest
            {
                Name = settings.Name!, Role = settings.Role == "bureau" ? PrincipalRole.Bureau : PrincipalRole.Department,
                DepartmentCode = settings.Department ?? "", ValidDays = settings.Days,
            }, server.Call(cancellationToken));
            CredentialCommands.Show(issued, settings);
            return ExitCodes.Success;
        });
}

/// <summary><c>fa credential rotate KEYID [--overlap-days N]</c>: a new credential; the old one works for the overlap.</summary>
public sealed class CredentialRotateCommand : AsyncCommand<CredentialRotateCommand.Settings>
{
    public sealed class Settings : CredentialCommands.SecretSettings
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
                KeyId = settings.KeyId, OverlapDays = settings.OverlapDays, ValidDays = settings.Days,
            }, server.Call(cancellationToken));
            CredentialCommands.Show(issued, settings);
            return ExitCodes.Success;
        });
}

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
            else CredentialCommands.Describe(Terminal.Out, info);
            return ExitCodes.Success;
        });
}

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
                DepartmentCode = settings.Department ?? "", IncludeInactive = settings.All,
            }, server.Call(cancellationToken));
            if (settings.Json) { ProtoJson.Print(reply); return ExitCodes.Success; }
            var table = new Table().AddColumns("编号", "持有人", "角色", "状态", "签发", "有效至", "签发人", "接替");
            foreach (var c in reply.Credentials)
                table.AddRow(Terminal.Escape(c.KeyId), Terminal.Escape(c.Name), CredentialCommands.Role(c), Terminal.Escape(c.State),
                    Labels.LocalTime(c.IssuedAt), Labels.LocalTime(c.ExpiresAt), Terminal.Escape(c.IssuedBy), Terminal.Escape(c.RotatedFrom));
            Terminal.Out.Write(table);
            Terminal.Out.MarkupLine($"共 {reply.Credentials.Count} 个凭据");
            return ExitCodes.Success;
        });
}

/// <summary><c>fa credential whoami</c>: the credential this client uses.</summary>
public sealed class CredentialWhoAmICommand : AsyncCommand<JsonServerSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, JsonServerSettings settings, CancellationToken cancellationToken) =>
        Connection.RunAsync(settings, async server =>
        {
            var info = await server.Credentials.WhoAmIAsync(new WhoAmIRequest(), server.Call(cancellationToken));
            if (settings.Json) ProtoJson.Print(info);
            else CredentialCommands.Describe(Terminal.Out, info);
            return ExitCodes.Success;
        });
}
