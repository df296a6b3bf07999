using System.Text.Json;
using EelsLive.Cli.Hosting;
using EelsLive.Reports;
using EelsLive.Simulation;

namespace EelsLive.Cli.Monitoring;

/// <summary>Turns the simulator's ground truth (its <c>--truth</c> file, or the demo's own) into the report's <see cref="SessionTruth"/>.</summary>
internal static class SessionTruthReader
{
    /// <summary>Reads a ground-truth file written by <c>eelslive-sim --truth</c> or <c>eelslive demo</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a ground-truth file or a window's kinetics cannot be rebuilt.</exception>
    public static SessionTruth Read(string path)
    {
        try
        {
            InputFile.Require(path, "the simulator's ground-truth JSON (eelslive-sim --truth, or truth.json of a demo)");
        }
        catch (IOException ex)
        {
            throw new IOException($"--truth: {ex.Message}", ex);
        }

        GroundTruth? truth;
        try
        {
            truth = GroundTruthFile.Read(path);
        }
        catch (JsonException ex)
        {
            // Not ex.Message: System.Text.Json names the .NET type it could not convert to.
            throw NotATruthFile(path, ex);
        }

        if (truth?.Windows is null || truth.SeriesId is null)
        {
            throw NotATruthFile(path, null);
        }

        return From(truth, Path.GetFileName(path));
    }

    private static InvalidDataException NotATruthFile(string path, Exception? inner)
    {
        string what = Detect(path) switch
        {
            ReportInputKind.Results => "; it is a results file (monitor or analyze --out), which report takes as its FILE",
            ReportInputKind.Recording => "; it is a session recording, which report takes as its FILE",
            _ => string.Empty,
        };
        return new InvalidDataException($"--truth: '{path}' is not a simulator ground-truth file (the JSON that eelslive-sim --truth writes, or a demo's truth.json){what}.", inner);
    }

    private static ReportInputKind? Detect(string path)
    {
        try
        {
            return ReportInput.Detect(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

        /// <summary>The report's view of <paramref name="truth"/>, named <paramref name="source"/>.</summary>
    public static SessionTruth From(GroundTruth truth, string source)
    {
        var windows = truth.Windows
            .Select(w => (Window: w, Kinetics: KineticsFromTruth.Create(w)))
            .Select(x => new TrueIntegrity(x.Window.Name, x.Kinetics.Integrity, double.IsFinite(x.Kinetics.D50) ? x.Kinetics.D50 : null))
            .ToArray();
        return new SessionTruth(source, truth.SeriesId, windows);
    }
}
