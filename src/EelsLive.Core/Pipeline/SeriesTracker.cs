using EelsLive.Protocol;

namespace EelsLive.Pipeline;

/// <summary>
/// Follows the series in the stream: a new <c>series_id</c> starts a new session; within a series, seq must
/// increase, and a jump of g &gt; 1 means g − 1 frames were lost in transit.
/// </summary>
public sealed class SeriesTracker
{
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private long? _lastSeq;

    /// <summary>The current series, or null before the first message.</summary>
    public string? CurrentSeries { get; private set; }

    /// <summary>Frames lost in transit in the current series.</summary>
    public long LostFrames { get; private set; }

    /// <summary>Frames accepted in the current series.</summary>
    public long FramesAccepted { get; private set; }

    /// <summary>The last accepted seq of the current series.</summary>
    public long? LastSeq => _lastSeq;

    /// <summary>True when <paramref name="seriesId"/> differs from the current series and is not a finished one.</summary>
    public bool IsNewSeries(string seriesId) => CurrentSeries != seriesId && !_finished.Contains(seriesId);

    /// <summary>Rejects a message of a series that a newer one has replaced; null when it may proceed.</summary>
    public Rejection? CheckSeries(string seriesId) =>
        CurrentSeries != seriesId && _finished.Contains(seriesId)
            ? new Rejection(RejectionKind.StaleSeries, $"series '{seriesId}' was replaced by '{CurrentSeries}'; its late messages are not used")
            : null;

    /// <summary>Starts a new series, retiring the current one.</summary>
    public void Begin(string seriesId)
    {
        if (CurrentSeries is not null)
        {
            _finished.Add(CurrentSeries);
        }

        CurrentSeries = seriesId;
        _lastSeq = null;
        LostFrames = 0;
        FramesAccepted = 0;
    }

    /// <summary>How many frames were lost before <paramref name="seq"/>, or a rejection for a duplicate or backward seq.</summary>
    public Rejection? CheckSeq(long seq, out long lostBefore)
    {
        lostBefore = 0;
        if (_lastSeq is not { } last)
        {
            // Frames before the first one seen (a late subscriber) were delivered to nobody here: count them lost.
            lostBefore = seq;
            return null;
        }

        if (seq == last)
        {
            return new Rejection(RejectionKind.DuplicateSeq, $"seq {seq} of series '{CurrentSeries}' was already received");
        }

        if (seq < last)
        {
            return new Rejection(RejectionKind.BackwardSeq, $"seq {seq} of series '{CurrentSeries}' is below the last accepted seq {last}");
        }

        lostBefore = seq - last - 1;
        return null;
    }

    /// <summary>Records an accepted frame.</summary>
    public void Accept(long seq, long lostBefore)
    {
        _lastSeq = seq;
        LostFrames += lostBefore;
        FramesAccepted++;
    }

    /// <summary>Records frames lost after the last one received, as told by <c>eels.end</c>.</summary>
    public void AddTailLoss(long frames) => LostFrames += Math.Max(0, frames);
}
