using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;

namespace Consolidation.Client.Inputs;

/// <summary>The formats a submission can come in (docs/batch.md): the JSON file, an XLSX workbook, a folder of CSV files.</summary>
public enum InputFormat { Json, Workbook, CsvFolder, Pdf, OfficialWorkbook }

/// <summary>Reads a submission in any of the input formats into the domain's accounts; finds the inputs under a folder.</summary>
public static class SubmissionInput
{
    /// <summary>The format of a path: *.xlsx a workbook, a folder with info.csv a CSV folder, anything else JSON.</summary>
    public static InputFormat FormatOf(string path)
    {
        if (Directory.Exists(path)) return InputFormat.CsvFolder;
        var extension = Path.GetExtension(path);
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase)) return InputFormat.Pdf;
        return extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? InputFormat.Workbook : InputFormat.Json;
    }

    /// <summary>The largest workbook or PDF, and the largest CSV folder (all its files), read: checked before reading.</summary>
    public const long MaxWorkbookBytes = 64L * 1024 * 1024;

    /// <summary>Reads and validates one input; a <see cref="SubmissionFileException"/> says every problem and where.</summary>
    public static FinalAccounts Read(string path) => CheckSize(path) switch
    {
        InputFormat.Workbook => WorkbookFormat.Read(path),   // this program's layout or the official 公开表 one
        InputFormat.CsvFolder => CsvFolderFormat.Read(path),
        InputFormat.Pdf => Pdf.DisclosurePdf.Read(path, new Pdf.PdfImportOptions(RegistryBeside(path))),
        _ => SubmissionFile.Read(path),
    };

    /// <summary>
    /// Reads and validates one input, with where its content is printed when it came from a PDF (null otherwise): for
    /// findings that name the page.
    /// </summary>
    public static (FinalAccounts Accounts, Pdf.PdfOrigins? Origins) ReadWithOrigins(string path)
    {
        if (CheckSize(path) != InputFormat.Pdf) return (Read(path), null);
        var read = Pdf.DisclosurePdf.ReadDetailed(path, new Pdf.PdfImportOptions(RegistryBeside(path)));
        return (read.Accounts, read.Origins);
    }

    /// <summary>
    /// Reads and validates one input, with a fingerprint of its content (SHA-256, hex) for the batch journal: of the
    /// file's bytes for JSON (read once, parsed from those bytes), of the contract message for a workbook, a CSV folder or
    /// a PDF; and, for a PDF, where its content is printed (for findings that name the page).
    /// </summary>
    public static (FinalAccounts Accounts, string Fingerprint, Pdf.PdfOrigins? Origins) ReadWithFingerprint(string path)
    {
        if (CheckSize(path) == InputFormat.Json)
        {
            var bytes = SubmissionFile.ReadBytes(path);
            return (SubmissionFile.Parse(bytes, path), ContentDigest.Hex(bytes), null);
        }
        var (accounts, origins) = ReadWithOrigins(path);
        return (accounts, ContentDigest.Of(accounts), origins);
    }

    /// <summary>The registry.csv beside a PDF (where its units' codes come from), or null.</summary>
    public static string? RegistryBeside(string path)
    {
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "registry.csv");
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>
    /// The format of <paramref name="path"/>, after refusing an input too large to be a submission before any of it is
    /// read: a workbook or PDF larger than <see cref="MaxWorkbookBytes"/>, a CSV folder whose files add up to more. A JSON file is bounded while it is read (<see cref="SubmissionFile.ReadBounded"/>).
    /// </summary>
    public static InputFormat CheckSize(string path)
    {
        var format = FormatOf(path);
        long size;
        try
        {
            size = format switch
            {
                InputFormat.Workbook or InputFormat.Pdf => new FileInfo(path).Length,
                InputFormat.CsvFolder => new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length),
                _ => 0,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SubmissionFileException(path, [new Violation("(file)", $"无法读取：{e.Message}")]);
        }
        if (size > MaxWorkbookBytes)
            throw new SubmissionFileException(path, [new Violation("(file)", $"超过 {MaxWorkbookBytes / 1024 / 1024} MiB，未读取：不是决算报送文件，或应拆分")]);
        return format;
    }

    /// <summary>Writes accounts in the format of <paramref name="path"/> (a .json or .xlsx file, or a folder for CSV).</summary>
    public static void Write(FinalAccounts accounts, string path, InputFormat format)
    {
        switch (format)
        {
            case InputFormat.Workbook: WorkbookFormat.Write(accounts, path); break;
            case InputFormat.OfficialWorkbook: Documents.OfficialWorkbook.Write(accounts, path); break;
            case InputFormat.Pdf: Documents.PdfPrinter.Print(Documents.DisclosureHtml.Render(accounts), path); break;
            case InputFormat.CsvFolder: CsvFolderFormat.Write(accounts, path); break;
            default:
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (dir is not null) Directory.CreateDirectory(dir);
                File.WriteAllText(path, SubmissionFileWriter.Write(accounts), new System.Text.UTF8Encoding(false));
                break;
        }
    }

    /// <summary>
    /// The inputs named on the command line, in order: a file as it is; a folder with info.csv as one CSV submission;
    /// any other folder searched (recursively) for *.json and *.xlsx files and CSV folders. Hidden files and folders
    /// (the journal) and Excel's "~$" lock files are skipped, and so are the paths in <paramref name="exclude"/>.
    /// </summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> paths, IReadOnlyCollection<string> exclude)
    {
        var excluded = exclude.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) found.Add(path);
            else if (Directory.Exists(path)) Search(path, found);
            else throw new UsageException($"找不到 {path}");
        }
        return found.Where(p => !excluded.Contains(Path.GetFullPath(p))).Distinct().ToList();
    }

    private static void Search(string dir, List<string> found)
    {
        if (File.Exists(Path.Combine(dir, CsvFolderFormat.InfoFile)))
        {
            found.Add(dir);
            return;
        }
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)) continue;
            var ext = Path.GetExtension(name).ToLowerInvariant();
            if (ext is ".json" or ".xlsx" or ".pdf") found.Add(file);
        }
        foreach (var sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            if (!Path.GetFileName(sub).StartsWith('.')) Search(sub, found);
    }

    /// <summary>A read failure of a format reader: where (sheet or file, row, column) and what.</summary>
    public static SubmissionFileException Error(string path, IReadOnlyList<Violation> violations) => new(path, violations);
}
