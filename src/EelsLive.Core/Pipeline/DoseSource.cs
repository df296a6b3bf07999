namespace EelsLive.Pipeline;

/// <summary>Which piece of a frame set its dose, in the protocol's order of precedence.</summary>
public enum DoseSource
{
    /// <summary>The source's <c>cumulative_dose_e_a2</c> (authoritative).</summary>
    Cumulative,

    /// <summary>The frame's <c>dose_e_a2</c>.</summary>
    FrameDose,

    /// <summary><c>beam_current_pa</c> with <c>illuminated_area_a2</c>.</summary>
    BeamCurrent,

    /// <summary>The consumer's configured dose rate times the exposure.</summary>
    ConfiguredRate,
}
