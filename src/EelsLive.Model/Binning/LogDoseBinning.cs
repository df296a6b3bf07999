namespace EelsLive.Model.Binning;

/// <summary>Maps a dose to a fixed log-spaced bin; bin 0 collects all doses below the first edge.</summary>
public sealed class LogDoseBinning
{
    private readonly double _logMin;
    private readonly double _binsPerLogUnit;

    /// <summary>Creates bins of equal width in log10 dose between <paramref name="minDoseEA2"/> and <paramref name="maxDoseEA2"/>.</summary>
    public LogDoseBinning(double minDoseEA2, double maxDoseEA2, int binsPerDecade)
    {
        if (!(minDoseEA2 > 0) || !(maxDoseEA2 > minDoseEA2) || binsPerDecade < 1)
        {
            throw new ArgumentException("Binning needs 0 < min < max and at least one bin per decade.");
        }

        MinDoseEA2 = minDoseEA2;
        _logMin = Math.Log10(minDoseEA2);
        _binsPerLogUnit = binsPerDecade;
        Count = 1 + (int)Math.Ceiling(Math.Log10(maxDoseEA2 / minDoseEA2) * binsPerDecade);
    }

    /// <summary>Total number of bins including the low-dose bin 0.</summary>
    public int Count { get; }

    /// <summary>Lower edge of bin 1 (e/Å²).</summary>
    public double MinDoseEA2 { get; }

    /// <summary>Bin index of a dose (e/Å², ≥ 0).</summary>
    public int IndexOf(double doseEA2)
    {
        if (doseEA2 < MinDoseEA2)
        {
            return 0;
        }

        var index = 1 + (int)((Math.Log10(doseEA2) - _logMin) * _binsPerLogUnit);
        return Math.Min(index, Count - 1);
    }
}
