namespace EelsLive.Model.Binning;

/// <summary>Constant-size sufficient statistics per member, log-dose bin and window (Σw, Σw·D, Σw·D², Σw·S, Σw·S², Σw·D·S).</summary>
public sealed class BinStatistics
{
    private const double MinimumFramesForChange = 8;
    private readonly int _bins;
    private readonly int _windows;
    private readonly double[] _w;
    private readonly double[] _wd;
    private readonly double[] _wdd;
    private readonly double[] _ws;
    private readonly double[] _wss;
    private readonly double[] _wds;

    /// <summary>Allocates statistics for <paramref name="members"/> weightings (member 0 is the full data set).</summary>
    public BinStatistics(LogDoseBinning binning, int members, int windows)
    {
        Binning = binning;
        Members = members;
        _bins = binning.Count;
        _windows = windows;
        _w = new double[members * _bins];
        _wd = new double[members * _bins];
        _wdd = new double[members * _bins];
        _ws = new double[members * windows * _bins];
        _wss = new double[members * windows * _bins];
        _wds = new double[members * windows * _bins];
    }

    /// <summary>The dose binning.</summary>
    public LogDoseBinning Binning { get; }

    /// <summary>Number of weightings (member 0 = unit weights).</summary>
    public int Members { get; }

    /// <summary>Highest occupied bin index, or −1 when empty.</summary>
    public int HighestBin { get; private set; } = -1;

    /// <summary>Adds one frame with a per-member integer multiplicity (weights[0] should be 1).</summary>
    public void Add(double dose, ReadOnlySpan<double> signals, ReadOnlySpan<int> weights)
    {
        var bin = Binning.IndexOf(dose);
        if (bin > HighestBin)
        {
            HighestBin = bin;
        }

        var dd = dose * dose;
        for (var m = 0; m < Members; m++)
        {
            double w = weights[m];
            if (w == 0)
            {
                continue;
            }

            var i = m * _bins + bin;
            _w[i] += w;
            _wd[i] += w * dose;
            _wdd[i] += w * dd;
            var baseIndex = m * _windows * _bins + bin;
            for (var k = 0; k < _windows; k++)
            {
                var j = baseIndex + k * _bins;
                var s = signals[k];
                _ws[j] += w * s;
                _wss[j] += w * s * s;
                _wds[j] += w * dose * s;
            }
        }
    }

    /// <summary>Fills <paramref name="target"/> with the occupied bins of one member.</summary>
    public void Collect(int member, BinnedSeries target)
    {
        var count = 0;
        for (var b = 0; b <= HighestBin; b++)
        {
            var i = member * _bins + b;
            var w = _w[i];
            if (w <= 0)
            {
                continue;
            }

            target.Dose[count] = _wd[i] / w;
            target.Weight[count] = w;
            var baseIndex = member * _windows * _bins + b;
            for (var k = 0; k < _windows; k++)
            {
                target.Signal[k * target.Capacity + count] = _ws[baseIndex + k * _bins] / w;
            }

            count++;
        }

        target.Count = count;
    }

    /// <summary>
    /// Pooled within-bin relative noise variance r² = Var(S)/S² of one window (member 0), after removing a linear dose trend
    /// in each bin, shrunk towards a 1% prior with 5 pseudo-degrees of freedom.
    /// </summary>
    public double RelativeNoiseVariance(int window)
    {
        double rss = 0, dof = 0;
        for (var b = 0; b <= HighestBin; b++)
        {
            var w = _w[b];
            if (w < 3)
            {
                continue;
            }

            var j = window * _bins + b;
            var mean = _ws[j] / w;
            if (mean == 0)
            {
                continue;
            }

            var sxx = _wdd[b] - _wd[b] * _wd[b] / w;
            var syy = _wss[j] - _ws[j] * _ws[j] / w;
            var sxy = _wds[j] - _wd[b] * _ws[j] / w;
            var residual = sxx > 1e-12 * Math.Max(_wdd[b], 1e-300) ? syy - sxy * sxy / sxx : syy;
            rss += Math.Max(residual, 0) / (mean * mean);
            dof += w - 2;
        }

        const double priorDof = 5;
        const double prior = 0.01 * 0.01;
        return Math.Max((priorDof * prior + rss) / (priorDof + dof), 1e-12);
    }

    /// <summary>Model-free z-score of the mean signal of the latest frames (≥ 8) against the earliest frames (≥ 8), for relative noise variance r²; 0 while they overlap.</summary>
    public double ChangeZ(int window, double relativeVariance)
    {
        double earlyW = 0, earlyS = 0;
        var earlyTop = -1;
        for (var b = 0; b <= HighestBin && earlyW < MinimumFramesForChange; b++)
        {
            earlyW += _w[b];
            earlyS += _ws[window * _bins + b];
            earlyTop = b;
        }

        double lateW = 0, lateS = 0;
        var lateBottom = HighestBin + 1;
        for (var b = HighestBin; b > earlyTop && lateW < MinimumFramesForChange; b--)
        {
            lateW += _w[b];
            lateS += _ws[window * _bins + b];
            lateBottom = b;
        }

        if (earlyW < MinimumFramesForChange || lateW < MinimumFramesForChange || lateBottom <= earlyTop)
        {
            return 0;
        }

        var early = earlyS / earlyW;
        var late = lateS / lateW;
        var variance = relativeVariance * (early * early / earlyW + late * late / lateW);
        return variance > 0 ? (late - early) / Math.Sqrt(variance) : 0;
    }
}
