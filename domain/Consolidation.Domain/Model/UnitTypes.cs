namespace Consolidation.Domain.Model;

/// <summary>单位类型 as written: 行政 / 事业 / 其他 — the one place the words are read and written.</summary>
public static class UnitTypes
{
    /// <summary>What a refusal says the type may be.</summary>
    public const string Allowed = "行政、事业 或 其他";

    /// <summary>The type a word names; blank means 行政 (the default of a file, a registry line, a command); null when it names none.</summary>
    public static UnitType? Parse(string? text) => (text ?? "").Trim() switch
    {
        "" or "行政" => UnitType.Administrative,
        "事业" => UnitType.PublicInstitution,
        "其他" => UnitType.Other,
        _ => null,
    };

    /// <summary>The word for a type; <paramref name="unspecified"/> for a type not given.</summary>
    public static string Name(UnitType type, string unspecified = "行政") => type switch
    {
        UnitType.Administrative => "行政",
        UnitType.PublicInstitution => "事业",
        UnitType.Other => "其他",
        _ => unspecified,
    };
}
