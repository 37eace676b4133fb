using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary>The options of a command that makes a new credential: where to write it (--out) and how long it is valid (--days).</summary>
public class CredentialSecretSettings : CallerSettings
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
