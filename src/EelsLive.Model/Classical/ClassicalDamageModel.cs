using EelsLive.Model.Binning;
using EelsLive.Model.Estimation;

namespace EelsLive.Model.Classical;

/// <summary>Classical baseline: per-window stretched-exponential least squares (Levenberg–Marquardt) on the same bins, delta-method intervals.</summary>
public sealed class ClassicalDamageModel : IDamageModel, ILogHazardBand
{
    private static readonly int[] UnitWeight = [1];
    private readonly ModelOptions _options;
    private readonly TimeProvider _time;
    private readonly string[] _names;
    private readonly BinStatistics _statistics;
    private readonly BinnedSeries _series;
    private readonly StretchedExponentialFit[] _fits;
    private readonly EstimateBuilder _builder;
    private readonly bool[] _unchanged;

    /// <summary>
    /// The log-hazard band of a window whose signal has not changed significantly: a characteristic dose at the fit's
    /// upper bound (integrity 1) with the spread of an unfitted parameter, so the interval spans [0, 1]. A stretched
    /// exponential fitted to a flat signal degenerates into a step at the first dose (β at its bound 5, integrity 0).
    /// </summary>
    private const double UnchangedLogDc = 20.7, UnchangedSd = 10; // ln 1e9 e/Å²

    /// <summary>Creates the model; options are validated against the window names.</summary>
    public ClassicalDamageModel(IReadOnlyList<string> windowNames, ModelOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(windowNames);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _names = [.. windowNames];
        var binning = new LogDoseBinning(options.MinBinDoseEA2, options.MaxBinDoseEA2, options.BinsPerDecade);
        _statistics = new BinStatistics(binning, 1, _names.Length);
        _series = new BinnedSeries(binning.Count, _names.Length);
        _fits = [.. _names.Select(_ => new StretchedExponentialFit(options.InitialDoseScaleEA2, options.NonNegativeAsymptote, options.ClassicalMaxIterations))];
        _builder = new EstimateBuilder(options);
        _unchanged = new bool[_names.Length];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> WindowNames => _names;

    /// <inheritdoc />
    public long FrameCount { get; private set; }

    /// <summary>Frames ignored because the dose or a signal was not finite (or the dose negative).</summary>
    public long RejectedFrameCount { get; private set; }

    /// <summary>The per-window fits (read-only use).</summary>
    public IReadOnlyList<StretchedExponentialFit> Fits => _fits;

    /// <inheritdoc />
    public void Add(double doseMidEA2, ReadOnlySpan<double> signals)
    {
        if (signals.Length != _names.Length)
        {
            throw new ArgumentException($"Expected {_names.Length} signals ({string.Join(", ", _names)}), got {signals.Length}.", nameof(signals));
        }

        foreach (var s in signals)
        {
            if (!double.IsFinite(s))
            {
                RejectedFrameCount++;
                return;
            }
        }

        if (!double.IsFinite(doseMidEA2) || doseMidEA2 < 0)
        {
            RejectedFrameCount++;
            return;
        }

        _statistics.Add(doseMidEA2, signals, UnitWeight);
        FrameCount++;
    }

    /// <inheritdoc />
    public ModelSnapshot Refit(double currentDoseEA2)
    {
        var started = _time.GetTimestamp();
        var dose = double.IsFinite(currentDoseEA2) ? Math.Max(currentDoseEA2, 0) : 0;
        _statistics.Collect(0, _series);
        var estimates = new WindowEstimate[_names.Length];
        for (var k = 0; k < _names.Length; k++)
        {
            var variance = _statistics.RelativeNoiseVariance(k);
            _series.ComputeFitWeights(k, variance, _options.SystematicRelativeError);
            var changeZ = _statistics.ChangeZ(k, variance);
            _unchanged[k] = Math.Abs(changeZ) < _options.ChangeSignificanceZ;
            if (!_unchanged[k])
            {
                _fits[k].Fit(_series, k);
            }

            estimates[k] = _builder.Build(this, k, _names[k], dose, _fits[k].Amplitudes, changeZ) with
            {
                Kinetics = _unchanged[k] ? null : KineticsLaw.Stretched(Math.Exp(_fits[k].LogBeta)),
            };
        }

        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
        return new ModelSnapshot(estimates, dose, FrameCount, _options.Threshold, _options.LeadDoseEA2, elapsed);
    }

    /// <inheritdoc />
    public ILogHazardBand Band => this;

    /// <inheritdoc />
    public double Center(int window, double doseEA2) =>
        _unchanged[window] ? Math.Log(Math.Max(doseEA2, 1e-300)) - UnchangedLogDc : _fits[window].LogHazard(doseEA2);

    /// <inheritdoc />
    public void Evaluate(int window, double doseEA2, out double center, out double sd)
    {
        if (_unchanged[window])
        {
            center = Center(window, doseEA2);
            sd = UnchangedSd;
            return;
        }

        _fits[window].LogHazardWithSd(doseEA2, out center, out sd);
    }
}
