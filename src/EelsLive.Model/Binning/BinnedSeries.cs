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

    /// <summary>Mean signals of one window over the occupied bins.</summary>
    public ReadOnlySpan<double> SignalsOf(int window) => Signal.AsSpan(window * Capacity, Count);
}
