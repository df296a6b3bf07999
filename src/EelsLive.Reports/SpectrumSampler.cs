using EelsLive.Pipeline;

namespace EelsLive.Reports;

/// <summary>
/// Keeps a bounded, evenly thinned set of a series' spectra while it is read (every k-th frame, k doubling when
/// full), so spectra at chosen doses can be drawn afterwards without holding every frame in memory.
/// </summary>
internal sealed class SpectrumSampler(int capacity)
{
    private readonly List<SpectrumSample> _kept = [];
    private (FrameMeasurement Measurement, double Dose)? _last;
    private long _stride = 1;
    private long _seen;

    /// <summary>The kept spectra plus the newest, ascending in dose.</summary>
    public IReadOnlyList<SpectrumSample> Samples
    {
        get
        {
            if (_last is not { } last || (_kept.Count > 0 && _kept[^1].Seq == last.Measurement.Frame.Seq))
            {
                return _kept;
            }

            return [.. _kept, Sample(last.Measurement, last.Dose)];
        }
    }

    /// <summary>Offers one accepted frame.</summary>
    public void Offer(FrameMeasurement m, double doseEA2)
    {
        _last = (m, doseEA2);
        if (_seen++ % _stride != 0)
        {
            return;
        }

        _kept.Add(Sample(m, doseEA2));
        if (_kept.Count > capacity)
        {
            for (int i = _kept.Count - 1; i >= 0; i--)
            {
                if (i % 2 == 1)
                {
                    _kept.RemoveAt(i);
                }
            }

            _stride *= 2;
        }
    }

    /// <summary>The spectra nearest to <paramref name="count"/> doses spread evenly from the first to the last frame.</summary>
    public IReadOnlyList<SpectrumSample> AtSelectedDoses(int count)
    {
        var all = Samples;
        if (all.Count <= count)
        {
            return all;
        }

        double lo = all[0].DoseEA2, hi = all[^1].DoseEA2;
        var chosen = new List<SpectrumSample>();
        for (int i = 0; i < count; i++)
        {
            double target = lo + ((hi - lo) * i / (count - 1));
            var nearest = all.MinBy(s => Math.Abs(s.DoseEA2 - target))!;
            if (!chosen.Contains(nearest))
            {
                chosen.Add(nearest);
            }
        }

        return chosen;
    }

    private static SpectrumSample Sample(FrameMeasurement m, double doseEA2)
    {
        var frame = m.Frame;
        double offset = frame.OffsetEv - (m.ZeroLossEv ?? 0);
        return new SpectrumSample(frame.SeriesId, frame.Seq, doseEA2,
            [.. Enumerable.Range(0, frame.Channels).Select(i => offset + (i * frame.DispersionEv))], frame.Counts.ToArray());
    }
}
