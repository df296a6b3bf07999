namespace EelsLive.Pipeline;

/// <summary>What a window integral is divided by to give the signal the model fits.</summary>
public enum Normalisation
{
    /// <summary>
    /// The zero-loss peak's integral (the default): elastic scattering does not depend on the damage of the
    /// low-loss features, so beam-current and exposure changes cancel and one window's decay does not leak into another.
    /// </summary>
    ZeroLoss,

    /// <summary>All counts of the spectrum: cancels beam-current changes too, but a decaying window changes the total and so shifts every other window a little.</summary>
    Total,
}
