using System.Text.Json;
using System.Text.RegularExpressions;

namespace Consolidation.Domain.Files;

/// <summary>
/// Why a file could not be read, in Chinese: the reader's and the system's own messages are English (and a JSON
/// reader's carries "LineNumber: … | BytePositionInLine: …", already said in Chinese where the violation points).
/// </summary>
public static class ReadErrorText
{
    private static readonly (Regex English, string Chinese)[] Json =
    [
        (new(@"^'(.+)' is an invalid start of a value"), "“$1”不能作为值的开头（字符串须加双引号，数字不能以它开头）"),
        (new(@"^'(.+)' is invalid after a value\. Expected either ',', '\}', or '\]'"), "值后面的“$1”多余：应为逗号、} 或 ]（是否少了逗号？）"),
        (new(@"^'(.+)' is invalid after a property name\. Expected a ':'"), "属性名后应为冒号，实为“$1”"),
        (new(@"^'(.+)' is an invalid start of a property name\. Expected a '""'"), "属性名应以双引号开头，实为“$1”"),
        (new(@"^'(.+)' is an invalid end of a number"), "数字后面的“$1”无效"),
        (new(@"^'(.+)' is invalid within a number"), "数字中的“$1”无效"),
        (new(@"^'(.+)' is invalid within a JSON string"), "字符串中的“$1”无效：须转义"),
        (new(@"^'(.+)' is an invalid escapable character within a JSON string"), "字符串中的转义“\\$1”无效"),
        (new(@"^Expected depth to be zero at the end of the JSON payload"), "文件提前结束：有没有闭合的 { 或 ["),
        (new(@"^The input does not contain any JSON tokens"), "文件是空的：没有 JSON 内容"),
        (new(@"^Expected a value, but instead reached end of data|end of data"), "文件提前结束"),
        (new(@"^The JSON object contains a trailing comma|trailing comma"), "最后一项后面多了逗号"),
        (new(@"^'(.+)' is invalid after a single JSON value"), "JSON 值结束后还有多余的“$1”"),
        (new(@"[Cc]omments? (?:are|is) not allowed|Cannot read comment"), "JSON 中不能有注释"),
        (new(@"^'(.+)' is an invalid JSON literal"), "“$1”不是有效的 JSON 字面量（应为 true、false 或 null）"),
        (new(@"invalid UTF-8|Cannot transcode"), "文件不是 UTF-8 编码"),
    ];

    /// <summary>A JSON syntax error in Chinese, without the reader's English position.</summary>
    public static string Of(JsonException e)
    {
        var message = e.Message;
        foreach (var (english, chinese) in Json)
        {
            var m = english.Match(message);
            if (m.Success) return m.Result(chinese);
        }
        return "JSON 语法错误";
    }

    /// <summary>Why a file or folder could not be read or written, in Chinese.</summary>
    public static string Of(Exception e) => e switch
    {
        JsonException json => Of(json),
        UnauthorizedAccessException => "没有权限",
        FileNotFoundException => "文件不存在",
        DirectoryNotFoundException => "文件夹不存在",
        PathTooLongException => "路径太长",
        IOException => "读写出错（文件被占用或磁盘错误）",
        InvalidDataException or FormatException => "文件已损坏或格式不对",
        _ => "文件已损坏或格式不对",
    };
}
