using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Pipeline;

/// <summary>
/// Turns raw wire messages into measurements: decode and validate → series tracking → dose accounting →
/// energy axis → zero-loss alignment → window integrals → normalisation. Deterministic and clock-free, so a
/// live run and an offline analysis of its recording give the same results.
/// </summary>
public sealed class FramePipeline
{
    private readonly PipelineOptions _options;
    private readonly WireDecoder _decoder;
    private readonly SeriesTracker _series = new();
    private DoseAccountant _dose;
    private double[] _scratch = [];
    private double _received;

    /// <summary>Creates a pipeline with validated options.</summary>
    public FramePipeline(PipelineOptions options, ProtocolLimits? limits = null)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _decoder = new WireDecoder(limits);
        _dose = new DoseAccountant(_options.ConfiguredDoseRateEA2PerS);
    }

    /// <summary>The windows, in output order.</summary>
    public IReadOnlyList<EnergyWindow> Windows => _options.Windows;

    /// <summary>Messages rejected so far (all series).</summary>
    public long RejectedMessages { get; private set; }

    /// <summary>The series being followed.</summary>
    public SeriesTracker Series => _series;

    /// <summary>The current series' cumulative dose.</summary>
    public double CumulativeDoseEA2 => _dose.CumulativeEA2;

    /// <summary>Processes one message; a new series yields a <see cref="SeriesStarted"/> before the frame's own event.</summary>
    public IReadOnlyList<PipelineEvent> Process(RecordedMessage raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        _received = raw.ReceivedUnixS;
        var decoded = raw.Frames.Count == 2
            ? _decoder.Decode(raw.Frames[0], raw.Frames[1])
            : _decoder.Decode(raw.Frames.Select(f => (ReadOnlyMemory<byte>)f).ToArray());
        return decoded.IsAccepted ? Route(decoded.Message) : [Reject(decoded.Rejection)];
    }

    private PipelineEvent[] Route(WireMessage message)
    {
        if (_series.CheckSeries(message.SeriesId) is { } stale)
        {
            return [Reject(stale)];
        }

        switch (message)
        {
            case StartMessage start:
                if (_series.CurrentSeries == start.SeriesId)
                {
                    return [new SeriesStarted(start.SeriesId, start) { ReceivedUnixS = _received }];
                }

                BeginSeries(start.SeriesId);
                return [new SeriesStarted(start.SeriesId, start) { ReceivedUnixS = _received }];
            case EndMessage end:
                if (_series.CurrentSeries == end.SeriesId && _series.LastSeq is { } last)
                {
                    _series.AddTailLoss(end.Frames - (last + 1));
                }

                return [new SeriesEnded(end, _series.CurrentSeries == end.SeriesId ? _series.FramesAccepted : 0, _series.LostFrames) { ReceivedUnixS = _received }];
            case FrameMessage frame:
                return MeasureFrame(frame);
            default:
                return [];
        }
    }

    private PipelineEvent[] MeasureFrame(FrameMessage frame)
    {
        PipelineEvent? started = null;
        bool newSeries = _series.IsNewSeries(frame.SeriesId);
        long lostBefore;
        DoseStep step;
        Rejection? rejection;
        if (newSeries)
        {
            // Check against a fresh series without disturbing the current one until the frame is accepted.
            var fresh = new DoseAccountant(_options.ConfiguredDoseRateEA2PerS);
            lostBefore = frame.Seq;
            if (!fresh.TryAccount(frame, lostBefore, out step, out rejection))
            {
                return [Reject(rejection!)];
            }

            BeginSeries(frame.SeriesId);
            _dose = fresh;
            started = new SeriesStarted(frame.SeriesId, null) { ReceivedUnixS = _received };
        }
        else
        {
            if (_series.CheckSeq(frame.Seq, out lostBefore) is { } seqRejection)
            {
                return [Reject(seqRejection)];
            }

            if (!_dose.TryAccount(frame, lostBefore, out step, out rejection))
            {
                return [Reject(rejection!)];
            }
        }

        _series.Accept(frame.Seq, lostBefore);
        _dose.Commit(step, frame.T);
        var measured = new FrameMeasured(Measure(frame, step), RejectedMessages) { ReceivedUnixS = _received };
        return started is null ? [measured] : [started, measured];
    }

    private FrameMeasurement Measure(FrameMessage frame, DoseStep step)
    {
        if (frame.Counts.TryGetFloat32(out var floats))
        {
            return Measure(frame, step, floats);
        }

        if (_scratch.Length < frame.Counts.Length)
        {
            _scratch = new double[frame.Counts.Length];
        }

        var doubles = _scratch.AsSpan(0, frame.Counts.Length);
        frame.Counts.CopyTo(doubles);
        return Measure(frame, step, (ReadOnlySpan<double>)doubles);
    }

    private FrameMeasurement Measure<T>(FrameMessage frame, DoseStep step, ReadOnlySpan<T> counts)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        double offset = frame.OffsetEv;
        double? zeroLoss = null;
        if (_options.AlignZeroLoss)
        {
            zeroLoss = ZeroLossAligner.FindZeroLoss(counts, frame.OffsetEv, frame.DispersionEv, _options.ZeroLossSearchEv);
            if (zeroLoss is { } zlp)
            {
                offset -= zlp;
            }
        }

        double halfWidth = _options.ZeroLossHalfWidthEv;
        double reference = _options.Normalisation == Normalisation.ZeroLoss
            ? WindowIntegrator.Integrate(counts, offset, frame.DispersionEv, -halfWidth, halfWidth)
            : WindowIntegrator.Total(counts);
        var windows = _options.Windows;
        var integrals = new double[windows.Count];
        var signals = new double?[windows.Count];
        for (int w = 0; w < windows.Count; w++)
        {
            integrals[w] = WindowIntegrator.Integrate(counts, offset, frame.DispersionEv, windows[w].LoEv, windows[w].HiEv);
            signals[w] = reference > 0 ? integrals[w] / reference : null;
        }

        return new FrameMeasurement(frame, step, _series.LostFrames, zeroLoss, reference, integrals, signals)
        {
            Spectrum = EnergyRange.OfChannels(offset, frame.DispersionEv, frame.Counts.Length),
        };
    }

    private void BeginSeries(string seriesId)
    {
        _series.Begin(seriesId);
        _dose = new DoseAccountant(_options.ConfiguredDoseRateEA2PerS);
    }

    private MessageRejected Reject(Rejection rejection)
    {
        RejectedMessages++;
        return new MessageRejected(rejection, RejectedMessages) { ReceivedUnixS = _received };
    }
}
