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
            throw new InvalidDataException($"--truth: '{path}' is not a ground-truth file: {ex.Message}", ex);
        }

        if (truth?.Windows is null || truth.SeriesId is null)
        {
            throw new InvalidDataException($"--truth: '{path}' is not a ground-truth file: it has no series_id or windows.");
        }

        return From(truth, Path.GetFileName(path));
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
