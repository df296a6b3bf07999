using System.CommandLine;
using EelsLive.Cli.Hosting;
using EelsLive.Cli.Monitoring;
using EelsLive.CommandLine;
using EelsLive.Model;
using EelsLive.Reports;

namespace EelsLive.Cli.Commands;

/// <summary><c>eelslive report FILE</c>: a self-contained HTML report with PNG figures and a per-frame CSV, from a recording or a results file.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A recording (.eelsrec, from monitor --record; re-analysed with both models, spectra included) or a JSON Lines results file (from monitor/analyze --out).",
        };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Folder for report.html, the PNG figures and results.csv; figures of an earlier report there that this one does not draw are removed [default: the file's name without its extension, plus -report, beside it, e.g. session-42-report].",
        };
        var truth = new Option<FileInfo?>("--truth")
        {
            Description = "The simulator's ground truth of a simulated session (eelslive-sim --truth, or a demo's truth.json): the true integrity curves are drawn and the true D50s listed beside the estimates.",
        };
        var command = new Command("report", "Write a session report: integrity curves with intervals, the D50 table of both models, the alarm and budget timeline, spectra and a per-frame CSV.");
        command.Add(file);
        command.Add(output);
        command.Add(truth);
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var options = EngineOptionSet.Build(EelsLiveConfiguration.Build(engine.CommandLineSettings(parse)));
                ModelKind[] models = options.Model switch
                {
                    ModelKind.Classical => [ModelKind.Classical, ModelKind.Physics],
                    ModelKind.Physics => [ModelKind.Physics, ModelKind.Classical],
                    _ => [],
                };
                var report = new SessionReportOptions
                {
                    Engine = options,
                    Models = models,
                    Threshold = options.ModelOptions.Threshold,
                    Truth = parse.GetValue(truth) is { } truthFile ? SessionTruthReader.Read(truthFile.FullName) : null,
                };
                string? folder = parse.GetValue(output) is { } outDir ? OutputPath.Folder("--out", outDir.FullName) : null;
                return Run(parse.GetValue(file)!.FullName, folder, report);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException or UnusableSettingException)
            {
                System.Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Writes the report of <paramref name="inputPath"/>; returns the exit code.</summary>
    public static int Run(string inputPath, string? outputDirectory, SessionReportOptions options)
    {
        InputFile.Require(inputPath, "a recording (.eelsrec) or a results file (.jsonl)");

        string folder = outputDirectory ?? SessionReport.DefaultOutputDirectory(inputPath);
        var result = SessionReport.Build(inputPath, folder, options);
        System.Console.WriteLine($"report of {result.Frames} frames: {result.HtmlPath} ({result.FigurePaths.Count} figures, per-frame results in {result.CsvPath})");
        return 0;
    }
}
