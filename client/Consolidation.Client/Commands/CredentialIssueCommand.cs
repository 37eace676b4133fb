using System.ComponentModel;
using Consolidation.Client.Output;
using Consolidation.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Consolidation.Client.Commands;

/// <summary><c>fa credential issue --name N --role department --department CODE | --role bureau</c>.</summary>
public sealed class CredentialIssueCommand : AsyncCommand<CredentialIssueCommand.Settings>
{
    public sealed class Settings : CredentialSecretSettings
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
                Name = settings.Name!,
                Role = settings.Role == "bureau" ? PrincipalRole.Bureau : PrincipalRole.Department,
                DepartmentCode = settings.Department ?? "",
                ValidDays = settings.Days,
            }, server.Call(cancellationToken));
            CredentialView.Show(issued, settings.Out, settings.Json);
            return ExitCodes.Success;
        });
}
