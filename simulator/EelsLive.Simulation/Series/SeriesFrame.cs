using EelsLive.Protocol;

namespace EelsLive.Simulation;

/// <summary>One sequence number of a simulated series: the frame message to send, or null when it is lost in transit.</summary>
/// <param name="Conditions">Dose, drift and beam factor of the exposure.</param>
/// <param name="Message">The encoded-ready frame, or null for a dropped sequence number.</param>
public sealed record SeriesFrame(FrameConditions Conditions, FrameMessage? Message)
{
    /// <summary>True when this sequence number is not sent.</summary>
    public bool Dropped => Message is null;
}
