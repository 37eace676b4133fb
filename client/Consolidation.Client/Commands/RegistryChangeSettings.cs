using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Commands;

/// <summary>
/// The fields of a registry change: only those given are changed (<c>--parent ""</c> makes the unit a department); the
/// others keep the registered values.
/// </summary>
public sealed class RegistryChangeSettings : RegistryUnitSettings
{
    protected override bool RequiresName => false;

    public override ValidationResult Validate()
    {
        if (Name is null && Parent is null && Type is null)
            return ValidationResult.Error("没有要修改的内容：请给出 --name、--parent 或 --type 中至少一项");
        return base.Validate();
    }

    /// <summary>The change to send: the given fields over the unit as registered.</summary>
    public RegistryUnitChange ToRequest(RegistryUnit current) => new()
    {
        Code = current.Code,
        Name = Name is null ? current.Name : Name.Trim(),
        Parent = Parent is null ? current.Parent : Parent.Trim(),
        Type = Type is null ? current.Type : ParseType(Type)!.Value,
    };
}
