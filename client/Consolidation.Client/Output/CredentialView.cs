using Consolidation.Client.Terms;
using System.Text;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>
/// How a credential is shown: a new one once (on stdout, or written with --out to a new file only its owner can read),
/// and the line describing one (docs/access.md).
/// </summary>
public static class CredentialView
{
    /// <summary>Shows the new credential once: to <paramref name="outPath"/> (--out), or on stdout with a warning that it will not be shown again.</summary>
    public static void Show(IssuedCredential issued, string? outPath, bool json)
    {
        if (outPath is { } path)
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(path, options)) file.Write(Encoding.UTF8.GetBytes(issued.Secret + "\n"));
        }
        if (json)
        {
            // The secret goes to the file when one was named; otherwise it is part of the reply printed.
            if (outPath is not null) issued = new IssuedCredential { Credential = issued.Credential };
            ProtoJson.Print(issued);
            return;
        }
        Describe(Terminal.Out, issued.Credential);
        if (outPath is not null)
            Terminal.Out.MarkupLine($"凭据已写入 [bold]{Terminal.Escape(outPath)}[/]（仅本用户可读）；持有人用 FA_CREDENTIAL_FILE 或 --credential-file 指向它。");
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
