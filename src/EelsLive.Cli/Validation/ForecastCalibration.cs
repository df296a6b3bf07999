using System.Globalization;
using System.Text;

namespace EelsLive.Cli.Validation;

/// <summary>
/// Reliability of the alarm forecast: forecasts P(window reaches θ within L) grouped in tenths, each with the fraction
/// whose window truly was at or below θ at the dose D + L. A calibrated forecast has fractions near the bins' centres.
/// </summary>
internal sealed class ForecastCalibration
{
    private const int Bins = 10;
    private readonly long[] _forecasts = new long[Bins];
    private readonly long[] _happened = new long[Bins];
    private double _brierSum;

    /// <summary>Forecasts recorded so far.</summary>
    public long Count { get; private set; }

    /// <summary>Records one forecast probability and whether the event truly happened.</summary>
    public void Add(double probability, bool happened)
    {
        if (!double.IsFinite(probability) || probability < 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A forecast probability must lie in [0, 1].");
        }

        int bin = Math.Min(Bins - 1, (int)(probability * Bins));
        _forecasts[bin]++;
        if (happened)
        {
            _happened[bin]++;
        }

        double outcome = happened ? 1 : 0;
        _brierSum += (probability - outcome) * (probability - outcome);
        Count++;
    }

    /// <summary>Adds the forecasts of another calibration to this one.</summary>
    public void AddRange(ForecastCalibration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int b = 0; b < Bins; b++)
        {
            _forecasts[b] += other._forecasts[b];
            _happened[b] += other._happened[b];
        }

        _brierSum += other._brierSum;
        Count += other.Count;
    }

    /// <summary>Forecasts in bin <paramref name="bin"/> (probabilities in [bin/10, (bin+1)/10)).</summary>
    public long ForecastsIn(int bin) => _forecasts[bin];

    /// <summary>Observed frequency of the event among the forecasts of a bin, or null when the bin is empty.</summary>
    public double? ObservedFrequency(int bin) => _forecasts[bin] > 0 ? _happened[bin] / (double)_forecasts[bin] : null;

    /// <summary>Mean squared difference between forecast and outcome (0 is perfect; 0.25 is a constant 0.5).</summary>
    public double BrierScore => Count > 0 ? _brierSum / Count : double.NaN;

    /// <summary>The reliability table in Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| forecast P(reach θ within L) | forecasts | truly at or below θ at D + L |");
        text.AppendLine("|---|---|---|");
        for (int b = 0; b < Bins; b++)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {b / (double)Bins:F1}–{(b + 1) / (double)Bins:F1} | {_forecasts[b]} | {(ObservedFrequency(b) is { } f ? f.ToString("P0", CultureInfo.InvariantCulture) : "–")} |"));
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\nBrier score {BrierScore:F3} over {Count} forecasts."));
        return text.ToString();
    }
}
