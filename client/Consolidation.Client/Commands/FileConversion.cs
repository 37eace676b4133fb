using Consolidation.Client.Output;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Spectre.Console;

namespace Consolidation.Client.Commands;

/// <summary>What fa convert and fa import share: read one input, write it out, say "from → to"; a bad input is exit 3, a failed write exit 5.</summary>
internal static class FileConversion
{
    public static int Run(string from, string to, Func<FinalAccounts> read, Action<FinalAccounts> write)
    {
        try
        {
            write(read());
            Terminal.Out.MarkupLine($"{Terminal.Escape(from)} → {Terminal.Escape(to)}");
            return ExitCodes.Success;
        }
        catch (SubmissionFileException e)
        {
            ErrorView.BadFile(e);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorView.WriteFailed(to, e);
            return ExitCodes.Failure;
        }
    }
}
