using System.Diagnostics;
using System.Globalization;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Rules;

namespace Consolidation.Synthetic;

/// <summary>The command line: samples, generate, check. Returns the process exit code.</summary>
public static class Commands
{
    public const string Usage = """
        usage:
          samples OUTDIR [--seed S] [--year Y]      the twelve 岳阳市 sample departments as OUTDIR/<code>-<slug>.json, and OUTDIR/registry.csv
          generate N OUTDIR [--seed S] [--year Y]   N random departments as OUTDIR/<code>.json (for benchmarks)
          check PATH...                             read each file (or every *.json in a folder), validate, check, and test the synthetic invariants
        defaults: --seed 20230001 for samples (sample i uses S + i), 1 for generate; --year 2023
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var (positional, options) = Parse(args);
            var year = Int(options, "year", YueyangDepartments.FiscalYear);
            switch (positional.FirstOrDefault())
            {
                case "samples" when positional.Count == 2:
                {
                    var written = SampleWriter.WriteSamples(positional[1], Int(options, "seed", YueyangDepartments.BaseSeed), year);
                    foreach (var path in written) output.WriteLine(path);
                    return 0;
                }
                case "generate" when positional.Count == 3:
                {
                    var count = int.Parse(positional[1], CultureInfo.InvariantCulture);
                    if (count < 0) throw new ArgumentException($"N must be 0 or more, not {count}");
                    var watch = Stopwatch.StartNew();
                    var n = SampleWriter.WriteRandom(positional[2], count, Int(options, "seed", 1), year);
                    output.WriteLine($"wrote {n} departments to {positional[2]} in {watch.Elapsed.TotalSeconds:0.00} s");
                    return 0;
                }
                case "check" when positional.Count >= 2:
                    return Check(positional.Skip(1), output);
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Check(IEnumerable<string> paths, TextWriter output)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.json").Order(StringComparer.Ordinal).ToArray() : [p]).ToList();
        var bad = 0;
        foreach (var file in files)
        {
            try
            {
                var accounts = SubmissionFile.Read(file);
                var result = AccountsChecker.Standard.Check(accounts);
                var broken = Invariants.Check(accounts);
                // Clean: accepted with no 强制性 or 提示性 finding (an 信息 one — e.g. no last year on file — weighs nothing).
                var weighing = result.Findings.Where(f => f.Severity != Severity.Info).ToList();
                var ok = result.Status == SubmissionStatus.Accepted && weighing.Count == 0 && broken.Count == 0;
                if (!ok) bad++;
                output.WriteLine($"{(ok ? "ok  " : "FAIL")} {Path.GetFileName(file)}: {result.Status}, {weighing.Count} findings, {broken.Count} broken invariants");
                foreach (var finding in weighing) output.WriteLine($"     {finding.RuleId} {finding.Message}");
                foreach (var line in broken) output.WriteLine($"     {line}");
            }
            catch (SubmissionFileException e)
            {
                bad++;
                output.WriteLine($"FAIL {Path.GetFileName(file)}: unreadable");
                foreach (var v in e.Violations) output.WriteLine($"     {v}");
            }
        }
        output.WriteLine($"{files.Count - bad} passed, {bad} failed");
        return bad == 0 ? 0 : 1;
    }

    private static (List<string> Positional, Dictionary<string, string> Options) Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"option {args[i]} needs a value");
            options[args[i][2..]] = args[++i];
        }
        foreach (var key in options.Keys.Where(k => k is not ("seed" or "year")))
            throw new ArgumentException($"unknown option --{key}");
        return (positional, options);
    }

    private static int Int(Dictionary<string, string> options, string key, int fallback) =>
        options.TryGetValue(key, out var text)
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"--{key} {text} is not an integer")
            : fallback;
}
