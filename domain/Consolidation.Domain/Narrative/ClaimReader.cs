using System.Text.RegularExpressions;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// Finds the numeric claims of a sentence — a number with a unit (万元, 元, %, 辆, 人, 人次, 名, 个, 台（套）, 万标箱)
/// — and reads from the words just before each what it says: a share ("占…的"), a budget completion ("完成年初预算的"),
/// a change or a rate ("增加", "减少", "下降", "增长") measured against last year ("与上年相比", "比上年", "较上年",
/// "同比") or the budget ("比年初预算数"), or a plain figure. Amounts are parsed exactly from the digits into 分 (no
/// floating point); a threshold ("100万元以上") or a rounding convention ("0.01万元的尾数差异") is not a claim; a number without a unit (a year, a date, a list number)
/// is not one either.
/// </summary>
public static partial class ClaimReader
{
    [GeneratedRegex(@"^(以上|以下|以内|及以上|及以下|[（(]含[）)]以上|的?尾数?差|的?尾差)")]
    private static partial Regex Threshold();

    [GeneratedRegex(@"(完成[^，,；;。]*?预算[^，,；;。]*?|预算(完成率|执行率)|(完成率|执行率))(为|是|达到?)?的?\s*$")]
    private static partial Regex CompletionBefore();


    [GeneratedRegex(@"完成[^，,；;。]*?预算(数)?\s*$")]
    private static partial Regex BudgetInCompletion();

    [GeneratedRegex(@"决算数?(大于|小于|等于|高于|低于|超过|少于|多于)(年初|全年|调整)?预算数?")]
    private static partial Regex BudgetDirection();

    [GeneratedRegex(@"与上一?年度?(相比)?(一致|持平)|无增减变动")]
    private static partial Regex NoChangeFromLastYear();

    [GeneratedRegex(@"决算数?(同|与)(年初|全年)?预算数?(相比)?(持平|一致)")]
    private static partial Regex BudgetLevel();

    /// <summary>"与 2023 年度相比", "比2023年度", "较 2022 年度决算数": last year named by its number (PDF text puts blanks inside).</summary>
    [GeneratedRegex(@"(与|比|较)\s*(19|20)\d{2}\s*年")]
    private static partial Regex YearNamedBase();

    private static readonly string[] LastYearAnchors = ["上年", "去年", "同比", "上一年"];
    private static readonly string[] BudgetAnchors = ["年初预算", "预算数", "全年预算"];

    public static bool HasNumberWithUnit(ReadOnlySpan<char> text)
    {
        for (var at = 0; NextNumberWithUnit(text, at) is { } m; at = m.End)
            if (!IsThreshold(text[m.End..])) return true;
        return false;
    }

    /// <summary>Every decimal digit (what <c>\d</c> matches: Unicode category Nd), for a vectorised search.</summary>
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsDigit).ToArray());

    /// <summary>
    /// A number with a unit found at or after <paramref name="from"/>: digits (a point and more digits), maybe blanks, then
    /// a unit (万元 万标箱 标箱 元 万 % ％ 辆 人次 人 名 个 台（套） 台(套) 台 套; "万" only before punctuation, a blank or
    /// the end), the digits not just after another digit or a point. The same as the pattern
    /// <c>(?&lt;![\d.])(\d+(?:\.\d+)?)\s*(万元|万标箱|标箱|元|万(?=[；;，,。、\s）)]|$)|%|％|辆|人次|人|名|个|台（套）|台\(套\)|台|套)</c>
    /// read left to right, by hand: a run of digits has one way to match, so nothing needs to be tried twice.
    /// </summary>
    internal static NumberMatch? NextNumberWithUnit(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length;)
        {
            var found = text[i..].IndexOfAny(Digits);
            if (found < 0) return null;
            var start = i + found;
            i = start + 1;
            if (start > 0 && (text[start - 1] == '.' || char.IsDigit(text[start - 1]))) continue;
            var j = start + 1;
            while (j < text.Length && char.IsDigit(text[j])) j++;
            // Thousands separators: 10,210.34 万元, 1,055.4% (each group of three digits after the first one to three).
            if (j - start <= 3)
                while (j < text.Length && text[j] == ',' && IsThreeDigits(text, j + 1)) j += 4;
            if (j + 1 < text.Length && text[j] == '.' && char.IsDigit(text[j + 1]))
            {
                j += 2;
                while (j < text.Length && char.IsDigit(text[j])) j++;
            }
            var digitsEnd = j;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            var unit = UnitAt(text, j);
            if (unit is null) continue;
            return new NumberMatch(start, digitsEnd, j, unit);
        }
        return null;
    }

    private static bool IsThreeDigits(ReadOnlySpan<char> text, int at) =>
        at + 3 <= text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsDigit(text[at + 3]));

    /// <summary>The unit that starts at <paramref name="at"/> (the first alternative of the pattern that matches), or null.</summary>
    private static string? UnitAt(ReadOnlySpan<char> text, int at)
    {
        if (at >= text.Length) return null;
        var rest = text[at..];
        switch (rest[0])
        {
            case '万':
                if (rest.StartsWith("万元")) return "万元";
                if (rest.StartsWith("万标箱")) return "万标箱";
                return rest.Length == 1 || rest[1] is '；' or ';' or '，' or ',' or '。' or '、' or '）' or ')' or '（' or '(' || char.IsWhiteSpace(rest[1]) ? "万" : null;
            case '标': return rest.StartsWith("标箱") ? "标箱" : null;
            case '元': return "元";
            case '%': return "%";
            case '％': return "％";
            case '辆': return "辆";
            case '人': return rest.StartsWith("人次") ? "人次" : "人";
            case '名': return "名";
            case '个': return "个";
            case '台':
                if (rest.StartsWith("台（套）")) return "台（套）";
                if (rest.StartsWith("台(套)")) return "台(套)";
                return "台";
            case '套': return "套";
            default: return null;
        }
    }

    /// <summary>A number with a unit: where its digits start and end, where its unit starts, and the unit.</summary>
    internal readonly record struct NumberMatch(int Start, int DigitsEnd, int UnitStart, string Unit)
    {
        public int End => UnitStart + Unit.Length;
    }

    /// <summary>The first characters of the change words (增长 增加 减少 下降 降低 上升 提高 节约 节省 减 增).</summary>
    private static readonly System.Buffers.SearchValues<char> ChangeWordStarts = System.Buffers.SearchValues.Create("增减下降上提节");

    /// <summary>Whether the words after a number make it a threshold or a rounding note (以上, 以下, 以内, 及以上, 的尾数差 …).</summary>
    private static bool IsThreshold(ReadOnlySpan<char> after) =>
        after.Length > 0 && after[0] is '以' or '及' or '的' or '尾' or '（' or '(' && Threshold().IsMatch(after);

    public static IEnumerable<Claim> Read(NarrativeSentence sentence)
    {
        var claims = new List<Claim>();
        Read(sentence, claims);
        return claims;
    }

    /// <summary>Adds the claims of <paramref name="sentence"/> to <paramref name="claims"/>, in order.</summary>
    public static void Read(NarrativeSentence sentence, List<Claim> claims)
    {
        var text = sentence.Text;
        var previousEnd = 0;
        for (var at = 0; NextNumberWithUnit(text, at) is { } n; at = n.End)
        {
            var end = n.End;
            if (IsThreshold(text.AsSpan(end))) { previousEnd = end; continue; }
            var m = (Index: n.Start, Length: end - n.Start);
            var digits = text.AsSpan(n.Start, n.DigitsEnd - n.Start);
            if (digits.Contains(',')) digits = digits.ToString().Replace(",", "", StringComparison.Ordinal).AsSpan();
            var unit = n.Unit;
            var subject = text[previousEnd..m.Index];
            previousEnd = end;
            var decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
            var kind = unit switch
            {
                "万元" or "元" or "万" => ClaimKind.Amount,
                "%" or "％" => ClaimKind.Percent,
                "万标箱" or "标箱" => ClaimKind.Quantity,
                _ => ClaimKind.Count,
            };
            long value = kind switch
            {
                ClaimKind.Amount => Scaled(digits, unit == "元" ? 2 : 6),
                ClaimKind.Percent => Scaled(digits, 4),
                ClaimKind.Count => Scaled(digits, 0),
                _ => 0,
            };
            if (value < 0) continue; // more decimals than can be held exactly: not a figure of the accounts
            var role = ClaimRole.Figure;
            var sign = 0;
            var denominator = "";
            // Each pattern runs only on words that have a character it needs (完/执, 占, a change word's first).
            if (kind == ClaimKind.Percent && subject.AsSpan().IndexOfAny('完', '执') >= 0 && CompletionBefore().IsMatch(subject)) role = ClaimRole.Completion;
            // "完成全年预算 2319.21 万元的 95.3%": the budget stands inside the completion phrase.
            else if (kind == ClaimKind.Percent && subject.AsSpan().Trim().SequenceEqual("的") && claims.Count > 0 && ReferenceEquals(claims[^1].Sentence, sentence)
                     && claims[^1].Kind == ClaimKind.Amount && BudgetInCompletion().IsMatch(claims[^1].Subject))
            {
                role = ClaimRole.Completion;
                subject = claims[^1].Subject + claims[^1].Printed + subject;
            }
            else if (kind == ClaimKind.Percent && ShareBefore(subject) is { } zhan)
            {
                role = ClaimRole.Share;
                denominator = CleanDenominator(subject[(zhan + 1)..]); // the words after 占
            }
            else if (kind != ClaimKind.Quantity && subject.AsSpan().IndexOfAny(ChangeWordStarts) >= 0 && ChangeBefore(subject) is { } change)
            {
                role = kind == ClaimKind.Percent ? ClaimRole.Rate : ClaimRole.Change;
                // 增长 增加 增 上升 提高 say more; 减少 减 下降 降低 节约 节省 say less.
                sign = subject[change] is '增' or '上' or '提' ? 1 : -1;
            }
            var changeBase = role is ClaimRole.Change or ClaimRole.Rate ? BaseOf(text.AsSpan(0, m.Index)) : ChangeBase.None;
            claims.Add(new Claim(kind, text.Substring(m.Index, m.Length), unit is "％" ? "%" : unit, value, decimals, role, sign, changeBase,
                sentence.Start + m.Index, subject, denominator, sentence));
        }
    }

    /// <summary>Adds the direction phrases of <paramref name="sentence"/> to <paramref name="directions"/>, in order.</summary>
    public static void Directions(NarrativeSentence sentence, List<DirectionPhrase> directions)
    {
        // Each pattern runs only on sentences that have its first words.
        var text = sentence.Text;
        if (text.Contains("决算", StringComparison.Ordinal))
        {
            foreach (var m in BudgetDirection().EnumerateMatches(text))
            {
                // The match is 决算, maybe 数, then the comparison word (two characters).
                var word = text.AsSpan(m.Index + (text[m.Index + 2] == '数' ? 3 : 2), 2);
                var sign = word switch { "大于" or "高于" or "超过" or "多于" => 1, "小于" or "低于" or "少于" => -1, _ => 0 };
                directions.Add(new DirectionPhrase(text.Substring(m.Index, m.Length), sign, ChangeBase.Budget, sentence.Start + m.Index, sentence));
            }
            foreach (var m in BudgetLevel().EnumerateMatches(text))
                directions.Add(new DirectionPhrase(text.Substring(m.Index, m.Length), 0, ChangeBase.Budget, sentence.Start + m.Index, sentence));
        }
        if (!text.Contains("与上", StringComparison.Ordinal) && !text.Contains("无增减变动", StringComparison.Ordinal)) return;
        var same = NoChangeFromLastYear().Match(text);
        if (same.Success) directions.Add(new DirectionPhrase(same.Value, 0, ChangeBase.LastYear, sentence.Start + same.Index, sentence));
    }

    /// <summary>
    /// Where the 占 of a share stands: the first 占 after the last stop (，,；;：:。) of the words — the start of the first
    /// match of <c>占([^，,；;：:。]*)$</c> — or null.
    /// </summary>
    private static int? ShareBefore(string words)
    {
        var lastStop = words.AsSpan().LastIndexOfAny("，,；;：:。");
        var zhan = words.IndexOf('占', lastStop + 1);
        return zhan >= 0 ? zhan : null;
    }

    private static readonly string[] ChangeWords = ["增长", "增加", "减少", "下降", "降低", "上升", "提高", "节约", "节省"];

    /// <summary>
    /// Where the change word that ends the words starts — the start of the first match of
    /// <c>(增长|增加|减少|下降|降低|上升|提高|节约|节省|减|增)了?(幅度)?(为|达)?\s*$</c> — or null. Read from the end: the
    /// blanks, 为 or 达, 幅度 and 了 each have one way to match (no change word ends with any of them).
    /// </summary>
    private static int? ChangeBefore(string words)
    {
        var end = words.Length;
        while (end > 0 && char.IsWhiteSpace(words[end - 1])) end--;
        if (end > 0 && words[end - 1] is '为' or '达') end--;
        if (end >= 2 && words[end - 2] == '幅' && words[end - 1] == '度') end -= 2;
        if (end > 0 && words[end - 1] == '了') end--;
        if (end >= 2)
        {
            var two = words.AsSpan(end - 2, 2);
            foreach (var w in ChangeWords)
                if (two.SequenceEqual(w)) return end - 2;
        }
        return end > 0 && words[end - 1] is '减' or '增' ? end - 1 : null;
    }

    private static ChangeBase BaseOf(ReadOnlySpan<char> before)
    {
        var lastYear = LastIndexOfAny(before, LastYearAnchors);
        if (before.IndexOf('年') >= 0)
            foreach (var m in YearNamedBase().EnumerateMatches(before)) lastYear = Math.Max(lastYear, m.Index);
        var budget = LastIndexOfAny(before, BudgetAnchors);
        if (lastYear < 0 && budget < 0) return ChangeBase.None;
        return lastYear > budget ? ChangeBase.LastYear : ChangeBase.Budget;
    }

    private static int LastIndexOfAny(ReadOnlySpan<char> text, string[] words)
    {
        var last = -1;
        foreach (var w in words) last = Math.Max(last, text.LastIndexOf(w, StringComparison.Ordinal));
        return last;
    }

    private static string CleanDenominator(string words)
    {
        var d = words.Trim();
        if (d.StartsWith('比')) return "";
        foreach (var tail in new[] { "比例为", "比重为", "比例", "比重", "为", "的" })
            if (d.EndsWith(tail, StringComparison.Ordinal)) d = d[..^tail.Length];
        return d.EndsWith('的') ? d[..^1] : d;
    }

    /// <summary>"791.59" with <paramref name="scale"/> decimals kept: 791.59 × 10^scale, exactly; −1 when it has more decimals.</summary>
    internal static long Scaled(ReadOnlySpan<char> digits, int scale)
    {
        // The same as below, without strings, for ASCII digits (other decimal digits take the slow way).
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var frac = dot < 0 ? [] : digits[(dot + 1)..];
        if (whole.ContainsAnyExceptInRange('0', '9') || frac.ContainsAnyExceptInRange('0', '9')) return Scaled(digits.ToString(), scale);
        if (frac.Length > scale)
        {
            if (frac[scale..].ContainsAnyExcept('0')) return -1;
            frac = frac[..scale];
        }
        if (whole.Length > 12) return -1;
        long value = 0;
        foreach (var c in whole) value = value * 10 + (c - '0');
        for (var i = 0; i < scale; i++) value = value * 10 + (i < frac.Length ? frac[i] - '0' : 0);
        return value;
    }

    internal static long Scaled(string digits, int scale)
    {
        // Any decimal digit (\d matches every Unicode Nd: full-width ５, Arabic-Indic …) as its ASCII twin; long.Parse takes ASCII only.
        if (digits.Any(c => c is not (>= '0' and <= '9' or '.')))
        {
            if (digits.Any(c => c != '.' && char.GetNumericValue(c) is < 0 or > 9)) return -1;
            digits = string.Concat(digits.Select(c => c == '.' ? '.' : (char)('0' + (int)char.GetNumericValue(c))));
        }
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var frac = dot < 0 ? "" : digits[(dot + 1)..];
        if (frac.Length > scale) return frac[scale..].All(c => c == '0') ? Scaled(digits[..(digits.Length - (frac.Length - scale))], scale) : -1;
        if (whole.Length > 12) return -1;
        return long.Parse(whole + frac.PadRight(scale, '0'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
