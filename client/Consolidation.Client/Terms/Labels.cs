using Consolidation.Contracts;
using Google.Protobuf.WellKnownTypes;
using D = Consolidation.Domain.Model;

namespace Consolidation.Client.Terms;

/// <summary>The Chinese names and colours of the contract's enums, and the small formatting helpers every view shares.</summary>
public static class Labels
{
    public static string Name(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "已接收",
        SubmissionStatus.PendingExplanation => "待说明",
        SubmissionStatus.Rejected => "不通过",
        _ => "—",
    };

    public static string Style(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "green",
        SubmissionStatus.PendingExplanation => "yellow",
        SubmissionStatus.Rejected => "red",
        _ => "grey",
    };

    /// <summary>The status as escaped, coloured markup.</summary>
    public static string Markup(SubmissionStatus status) => $"[{Style(status)}]{Name(status)}[/]";

    public static string Name(Severity severity) => severity switch
    {
        Severity.Mandatory => "强制性",
        Severity.Advisory => "提示性",
        Severity.Info => "信息",
        _ => "未分级",
    };

    public static string Style(Severity severity) => severity switch
    {
        Severity.Mandatory => "red",
        Severity.Advisory => "yellow",
        _ => "grey",
    };

    public static string Name(CoverageState state) => state switch
    {
        CoverageState.Accepted => "已接收",
        CoverageState.PendingExplanation => "待说明",
        CoverageState.Rejected => "不通过",
        CoverageState.Missing => "未报送",
        CoverageState.AwaitingReview => "待审核",
        _ => "—",
    };

    public static string Style(CoverageState state) => state switch
    {
        CoverageState.Accepted => "green",
        CoverageState.PendingExplanation => "yellow",
        CoverageState.Rejected => "red",
        CoverageState.Missing => "red",
        CoverageState.AwaitingReview => "yellow",
        _ => "grey",
    };

    public static string Markup(CoverageState state) => $"[{Style(state)}]{Name(state)}[/]";

    public static string Name(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "完全匹配",
        MatchKind.TermPrefix => "名称开头",
        MatchKind.TermContains => "名称包含",
        MatchKind.DefinitionContains => "释义包含",
        _ => "—",
    };

    /// <summary>The domain precision of proto accounts; null when the accounts do not say.</summary>
    public static D.AmountPrecision? Precision(AmountPrecision precision) => precision switch
    {
        AmountPrecision.Yuan => D.AmountPrecision.Yuan,
        AmountPrecision.WanYuan2 => D.AmountPrecision.WanYuan2,
        _ => null,
    };

    /// <summary>
    /// A timestamp in the machine's local zone, to the second, without the zone ("—" when absent): every time fa shows
    /// is in this one zone, and an output names it once (<see cref="Zone"/>, in a column header or a label).
    /// </summary>
    public static string LocalTime(Timestamp? timestamp) =>
        timestamp is null ? "—" : timestamp.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>The local zone as an offset, "UTC+08:00" (or "UTC").</summary>
    public static string Zone
    {
        get
        {
            var offset = TimeZoneInfo.Local.GetUtcOffset(DateTime.UtcNow);
            return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
        }
    }

    /// <summary>A time column's header or a time's label with the zone said once: "时间（UTC+08:00）".</summary>
    public static string TimeLabel(string label) => $"{label}（{Zone}）";

    /// <summary>The first 12 hex digits of a content hash: enough to tell versions apart.</summary>
    public static string ShortHash(string hash) => hash.Length <= 12 ? hash : hash[..12];
}
