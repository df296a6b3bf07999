namespace EelsLive.Model.Binning;

/// <summary>Occupied bins of one (possibly bootstrap-weighted) data set: mean dose, weight and mean signal per window.</summary>
public sealed class BinnedSeries
{
    /// <summary>Allocates room for <paramref name="capacity"/> bins and <paramref name="windowCount"/> windows.</summary>
    public BinnedSeries(int capacity, int windowCount)
    {
        Capacity = capacity;
        WindowCount = windowCount;
        Dose = new double[capacity];
        Weight = new double[capacity];
        Coordinate = new double[capacity];
        Signal = new double[capacity * windowCount];
        FitWeight = new double[capacity * windowCount];
    }

    /// <summary>Maximum number of bins.</summary>
    public int Capacity { get; }

    /// <summary>Number of windows.</summary>
    public int WindowCount { get; }

    /// <summary>Number of occupied bins currently stored.</summary>
    public int Count { get; set; }

    /// <summary>Weighted mean dose of each occupied bin (e/Å²).</summary>
    public double[] Dose { get; }

    /// <summary>Free per-bin coordinate filled by the consumer (e.g. the network's log-dose u).</summary>
    public double[] Coordinate { get; }

    /// <summary>Total frame weight of each occupied bin.</summary>
    public double[] Weight { get; }

    /// <summary>Weighted mean signal, laid out window-major: [window * Capacity + bin].</summary>
    public double[] Signal { get; }

    /// <summary>Least-squares weight n_b/σ_b² of each bin's mean signal, window-major (see <see cref="ComputeFitWeights"/>).</summary>
    public double[] FitWeight { get; }

    /// <summary>Fit weights of one window over the occupied bins.</summary>
    public ReadOnlySpan<double> FitWeightsOf(int window) => FitWeight.AsSpan(window * Capacity, Count);

    /// <summary>
    /// Fills the fit weights of one window: the variance of a bin mean is r²·s_b²/n_b + (ε·s_b)² with s_b = max(|ȳ_b|, 0.05·max|ȳ|),
    /// i.e. relative frame noise r plus a relative systematic error ε that keeps bins holding thousands of frames from
    /// demanding a precision no smooth model (nor the binning) can deliver.
    /// </summary>
    public void ComputeFitWeights(int window, double relativeVariance, double systematicRelativeError)
    {
        var y = SignalsOf(window);
        var largest = 0.0;
        foreach (var value in y)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        var floor = Math.Max(0.05 * largest, 1e-300);
        for (var b = 0; b < Count; b++)
        {
            var scale = Math.Max(Math.Abs(y[b]), floor);
            var variance = scale * scale * (relativeVariance / Weight[b] + systematicRelativeError * systematicRelativeError);
            FitWeight[window * Capacity + b] = 1 / variance;
        }
    }

    /// <summary>Mean signals of one window over the occupied bins.</summary>
    public ReadOnlySpan<double> SignalsOf(int window) => Signal.AsSpan(window * Capacity, Count);
}
