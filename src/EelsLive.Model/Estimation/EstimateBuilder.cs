using EelsLive.Model.Fitting;

namespace EelsLive.Model.Estimation;

/// <summary>Turns a log-hazard band into a <see cref="WindowEstimate"/>: integrity interval, D50 and its honest bounds, crossing forecast and probability.</summary>
public sealed class EstimateBuilder
{
    private const int GridPoints = 32;
    private const int BisectionSteps = 40;
    private readonly ModelOptions _options;
    private readonly double _logHazardHalf = Math.Log(Math.Log(2));
    private readonly double _logHazardThreshold;

    /// <summary>Creates a builder for the given options.</summary>
    public EstimateBuilder(ModelOptions options)
    {
        _options = options;
        _logHazardThreshold = Math.Log(-Math.Log(options.Threshold));
    }

    /// <summary>Forecast horizon for the current dose: HorizonFactor × dose, but at least dose + 2L.</summary>
    public double Horizon(double currentDoseEA2) =>
        Math.Max(_options.HorizonFactor * Math.Max(currentDoseEA2, _options.MinBinDoseEA2), currentDoseEA2 + 2 * _options.LeadDoseEA2);

    /// <summary>Integrity I = exp(−e^y) of a log hazard y.</summary>
    public static double IntegrityOf(double logHazard) => Math.Exp(-Math.Exp(logHazard));

    /// <summary>Builds the estimate of one window.</summary>
    public WindowEstimate Build(ILogHazardBand band, int window, string name, double currentDoseEA2, Amplitudes amplitudes, double changeZ)
    {
        var dose = Math.Max(currentDoseEA2, 0);
        var significant = Math.Abs(changeZ) >= _options.ChangeSignificanceZ;
        band.Evaluate(window, dose, out var y, out var sd);
        var integrity = IntegrityOf(y);
        var integrityLo = IntegrityOf(y + Gaussian.Z90 * sd);
        var integrityHi = IntegrityOf(y - Gaussian.Z90 * sd);

        var horizon = Horizon(dose);
        var gridFrom = Math.Max(1e-3, Math.Min(_options.MinBinDoseEA2, horizon / 1e4));
        var logFrom = Math.Log(gridFrom);
        var step = (Math.Log(horizon) - logFrom) / (GridPoints - 1);
        var d50Lo = new Crossing();
        var d50Hi = new Crossing();
        var d50 = new Crossing();
        var cross = new Crossing();
        var crossLo = new Crossing();
        var crossHi = new Crossing();
        // The upper log-hazard quantile of a monotone hazard is non-decreasing in dose, so it is replaced by its running
        // minimum from the right (isotonic envelope). Near D = 0 the normal approximation in ln Λ is poor (Λ → 0 and the
        // initial slope is unidentified, e.g. after an incubation dose) and the raw quantile can spuriously exceed
        // ln ln 2 at doses the data show are far from half integrity; the envelope removes these spurious crossings.
        Span<double> centers = stackalloc double[GridPoints];
        Span<double> spreads = stackalloc double[GridPoints];
        Span<double> upperQuantile = stackalloc double[GridPoints];
        Span<double> gridDoses = stackalloc double[GridPoints];
        for (var i = 0; i < GridPoints; i++)
        {
            gridDoses[i] = Math.Exp(logFrom + step * i);
        }

        band.EvaluateMany(window, gridDoses, centers, spreads);
        for (var i = 0; i < GridPoints; i++)
        {
            upperQuantile[i] = centers[i] + Gaussian.Z90 * spreads[i];
        }

        for (var i = GridPoints - 2; i >= 0; i--)
        {
            upperQuantile[i] = Math.Min(upperQuantile[i], upperQuantile[i + 1]);
        }

        for (var i = 0; i < GridPoints; i++)
        {
            var logDose = logFrom + step * i;
            var center = centers[i];
            var spread = spreads[i];
            d50Lo.Observe(logDose, upperQuantile[i] - _logHazardHalf);
            d50Hi.Observe(logDose, center - Gaussian.Z90 * spread - _logHazardHalf);
            d50.Observe(logDose, center - _logHazardHalf);
            cross.Observe(logDose, center - _logHazardThreshold);
            crossLo.Observe(logDose, upperQuantile[i] - _logHazardThreshold);
            crossHi.Observe(logDose, center - Gaussian.Z90 * spread - _logHazardThreshold);
        }

        double? d50Point = d50.Found ? Refine(band, window, d50, _logHazardHalf) : null;
        double d50Lower = d50Lo.Found ? d50Lo.InterpolatedDose : horizon;
        double? d50Upper = d50Hi.Found ? d50Hi.InterpolatedDose : null;
        // Once the centre curve has passed half integrity inside the observed dose range, D50 is an interpolation pinned by
        // the data (not an extrapolation), so it is reported with its (possibly wide) bounds even if hi/lo exceeds the ratio.
        var interpolated = d50Point is not null && d50Point.Value <= dose;
        var estimable = significant && d50Point is not null && d50Upper is not null
            && (interpolated || d50Upper.Value <= _options.MaxD50IntervalRatio * d50Lower);
        double? crossDose = significant && cross.Found && crossHi.Found ? Refine(band, window, cross, _logHazardThreshold) : null;
        // The crossing dose's 90% interval, read off the band as D50's is: not before the upper log-hazard quantile reaches
        // the threshold (the horizon if it does not), and by the time the lower one does (unbounded while it does not).
        double crossLower = crossLo.Found ? crossLo.InterpolatedDose : horizon;
        double? crossUpper = significant && crossHi.Found ? crossHi.InterpolatedDose : null;

        band.Evaluate(window, dose + _options.LeadDoseEA2, out var yLead, out var sdLead);
        var crossProbability = significant ? Gaussian.ProbabilityAbove(yLead, sdLead, _logHazardThreshold) : 0;
        var crossed = significant && Gaussian.ProbabilityAbove(y, sd, _logHazardThreshold) >= _options.CrossedConfidence;

        return new WindowEstimate(
            name,
            amplitudes.Predict(integrity),
            integrity,
            integrityLo,
            integrityHi,
            estimable ? d50Point : null,
            estimable ? Math.Min(d50Lower, d50Point!.Value) : d50Lower,
            d50Upper is null ? null : Math.Max(d50Upper.Value, estimable ? d50Point!.Value : 0),
            crossDose,
            crossProbability,
            crossed,
            amplitudes.Amplitude < 0,
            changeZ)
        {
            Observation = amplitudes,
            CrossDoseLoEA2 = crossDose is { } c ? Math.Min(crossLower, c) : crossLower,
            CrossDoseHiEA2 = crossUpper is { } u && crossDose is { } central ? Math.Max(u, central) : crossUpper,
        };
    }

    private static double Refine(ILogHazardBand band, int window, Crossing crossing, double target)
    {
        if (!crossing.HasBracket)
        {
            return Math.Exp(crossing.UpperLogDose);
        }

        double lo = crossing.LowerLogDose, hi = crossing.UpperLogDose;
        for (var i = 0; i < BisectionSteps && hi - lo > 1e-7; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (band.Center(window, Math.Exp(mid)) >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return Math.Exp(0.5 * (lo + hi));
    }

    /// <summary>Tracks the first grid point where a function becomes ≥ 0.</summary>
    private struct Crossing
    {
        private double _previousLog;
        private double _previousValue;
        private bool _hasPrevious;

        public bool Found { get; private set; }

        public bool HasBracket { get; private set; }

        public double LowerLogDose { get; private set; }

        public double UpperLogDose { get; private set; }

        public double InterpolatedDose { get; private set; }

        public void Observe(double logDose, double value)
        {
            if (Found || double.IsNaN(value))
            {
                return;
            }

            if (value >= 0)
            {
                Found = true;
                UpperLogDose = logDose;
                if (_hasPrevious)
                {
                    HasBracket = true;
                    LowerLogDose = _previousLog;
                    var fraction = _previousValue / (_previousValue - value);
                    InterpolatedDose = Math.Exp(_previousLog + fraction * (logDose - _previousLog));
                }
                else
                {
                    InterpolatedDose = Math.Exp(logDose);
                }

                return;
            }

            _previousLog = logDose;
            _previousValue = value;
            _hasPrevious = true;
        }
    }
}
