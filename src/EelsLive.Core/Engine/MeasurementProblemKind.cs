namespace EelsLive.Engine;

/// <summary>Why windows of a frame could not be measured as configured.</summary>
public enum MeasurementProblemKind
{
    /// <summary>The window lies wholly outside the spectrum's energy range: its integral is 0 and tells nothing.</summary>
    OutsideSpectrum,

    /// <summary>Part of the window lies outside the spectrum's energy range: its integral covers the inside part only.</summary>
    PartlyOutsideSpectrum,

    /// <summary>
    /// What the integrals are divided by (the zero-loss integral, or all counts with <c>--normalise total</c>) is not
    /// positive, so no window has a signal: the damage model gets nothing and no damage alarm can be raised.
    /// </summary>
    NoReference,
}
