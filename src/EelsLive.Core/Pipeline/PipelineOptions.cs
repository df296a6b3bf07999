namespace EelsLive.Pipeline;

/// <summary>Validated settings of the per-frame pipeline.</summary>
public sealed record PipelineOptions
{
    /// <summary>The energy windows to integrate.</summary>
    public IReadOnlyList<EnergyWindow> Windows { get; init; } = EnergyWindow.Defaults;

    /// <summary>Align each frame's zero-loss peak to 0 eV before integrating (on by default; <c>--no-align</c>).</summary>
    public bool AlignZeroLoss { get; init; } = true;

    /// <summary>Half-width in eV of the range around 0 eV searched for the zero-loss peak.</summary>
    public double ZeroLossSearchEv { get; init; } = 3.0;

    /// <summary>What window integrals are divided by (<c>--normalise zlp|total</c>).</summary>
    public Normalisation Normalisation { get; init; } = Normalisation.ZeroLoss;

    /// <summary>Half-width in eV of the zero-loss window [−w, +w) (on the aligned axis) used for <see cref="Normalisation.ZeroLoss"/>.</summary>
    public double ZeroLossHalfWidthEv { get; init; } = 1.0;

    /// <summary>Dose rate in e/Å²/s for frames that carry no dose information (last in precedence); null: such frames are rejected.</summary>
    public double? ConfiguredDoseRateEA2PerS { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public PipelineOptions Validate()
    {
        if (Windows is null || Windows.Count == 0) throw new ArgumentException("At least one energy window is needed.");
        if (Windows.Select(w => w.Name).Distinct(StringComparer.Ordinal).Count() != Windows.Count) throw new ArgumentException("Window names must be unique.");
        if (!(ZeroLossSearchEv > 0) || !double.IsFinite(ZeroLossSearchEv)) throw new ArgumentException($"ZeroLossSearchEv must be > 0, got {ZeroLossSearchEv}.");
        if (!(ZeroLossHalfWidthEv > 0) || !double.IsFinite(ZeroLossHalfWidthEv)) throw new ArgumentException($"ZeroLossHalfWidthEv must be > 0, got {ZeroLossHalfWidthEv}.");
        if (ConfiguredDoseRateEA2PerS is { } r && (!double.IsFinite(r) || r < 0)) throw new ArgumentException($"The configured dose rate must be >= 0, got {r}.");
        return this;
    }
}
