using System.Text;

namespace Consolidation.Client.Output;

/// <summary>
/// Passes text through without the trailing spaces Spectre pads grid and table lines with, so plain output (files,
/// pipes, captured test output) has clean line ends. Only a run of spaces is ever held back, until it is known whether
/// something follows it on the line.
/// </summary>
public sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private int _pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                _pendingSpaces++;
                return;
            case '\n':
            case '\r':
                _pendingSpaces = 0;
                break;
            default:
                if (_pendingSpaces > 0)
                {
                    inner.Write(new string(' ', _pendingSpaces));
                    _pendingSpaces = 0;
                }
                break;
        }
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (var c in value) Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++) Write(buffer[i]);
    }

    public override void Flush() => inner.Flush();
}
