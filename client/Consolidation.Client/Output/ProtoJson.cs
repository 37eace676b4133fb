using Google.Protobuf;

namespace Consolidation.Client.Output;

/// <summary>Replies as proto JSON (the contract's JSON mapping), default values included, indented.</summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation("  "));

    public static string Format(IMessage message) => Formatter.Format(message);

    /// <summary>Writes the message to standard output and nothing else: scripts parse this.</summary>
    public static void Print(IMessage message)
    {
        Console.Out.WriteLine(Format(message));
        Console.Out.Flush();
    }
}
