using EelsLive.Pipeline;

namespace EelsLive.Engine;

/// <summary>Running counters of a monitor run, updated from its events; read from any thread.</summary>
public sealed class MonitorStatistics
{
    private long _frames;
    private long _refits;
    private long _rejected;
    private long _lost;
    private double _dose;
    private double _doseRate;
    private string? _series;

    /// <summary>Frames accepted so far (all series).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>
    /// Frames after which the model was refitted (all series); fewer than <see cref="Frames"/> when frames came faster than
    /// refits and were coalesced (or without a model).
    /// </summary>
    public long Refits => Interlocked.Read(ref _refits);

    /// <summary>Messages rejected so far.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Frames lost in transit in the current series.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Cumulative dose of the current series, e/Å².</summary>
    public double DoseEA2 => Volatile.Read(ref _dose);

    /// <summary>Latest dose rate, e/Å²/s.</summary>
    public double DoseRateEA2PerS => Volatile.Read(ref _doseRate);

    /// <summary>The current series id.</summary>
    public string? SeriesId => Volatile.Read(ref _series);

    /// <summary>Folds one engine event into the counters.</summary>
    public void Observe(PipelineEvent e)
    {
        switch (e)
        {
            case FrameReported f:
                Interlocked.Increment(ref _frames);
                if (f.Report.FitMs is not null)
                {
                    Interlocked.Increment(ref _refits);
                }

                Interlocked.Exchange(ref _lost, f.Report.LostFrames);
                Volatile.Write(ref _dose, f.Report.DoseEA2);
                Volatile.Write(ref _doseRate, f.Report.DoseRateEA2PerS);
                Volatile.Write(ref _series, f.Report.SeriesId);
                break;
            case MessageRejected r:
                Interlocked.Exchange(ref _rejected, r.RejectedTotal);
                break;
            case SeriesEnded end:
                Interlocked.Exchange(ref _lost, end.LostFrames);
                break;
        }
    }
}
