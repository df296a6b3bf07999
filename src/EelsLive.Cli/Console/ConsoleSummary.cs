using System.Globalization;
using EelsLive.Engine;

namespace EelsLive.Cli.Console;

/// <summary>Prints one plain summary line a second: frames/s, cumulative dose, dose rate, lost and rejected counts.</summary>
internal sealed class ConsoleSummary
{
    private readonly TextWriter _writer;
    private readonly MonitorStatistics _stats;
    private readonly TimeProvider _time;
    private long _lastFrames;
    private long _lastRefits;
    private long _lastTimestamp;

    public ConsoleSummary(TextWriter writer, MonitorStatistics stats, TimeProvider time)
    {
        _writer = writer;
        _stats = stats;
        _time = time;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Writes a line with the rate since the previous line.</summary>
    public void WriteLine()
    {
        long frames = _stats.Frames;
        long refits = _stats.Refits;
        double seconds = _time.GetElapsedTime(_lastTimestamp).TotalSeconds;
        double rate = seconds > 0 ? (frames - _lastFrames) / seconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{_stats.SeriesId ?? "-"}] frames {frames} ({rate:F0}/s)  dose {_stats.DoseEA2:G6} e/Å² ({_stats.DoseRateEA2PerS:G4} e/Å²/s)  lost {_stats.Lost}  rejected {_stats.Rejected}");
        long newFrames = frames - _lastFrames, newRefits = refits - _lastRefits;
        if (newRefits > 0 && newRefits < newFrames)
        {
            // Frames came faster than the model refits: say so, since the estimates then move in steps of several frames.
            line += string.Create(CultureInfo.InvariantCulture, $"  refitted 1 in {(double)newFrames / newRefits:F0} frames");
        }

        _lastFrames = frames;
        _lastRefits = refits;
        _lastTimestamp = _time.GetTimestamp();
        _writer.WriteLine(line);
    }
}
