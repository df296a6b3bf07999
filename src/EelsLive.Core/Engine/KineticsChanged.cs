using EelsLive.Model;

namespace EelsLive.Engine;

/// <summary>
/// A window's fit changed kinetics law with this frame (e.g. from order-p kinetics to a stretched exponential): its D50,
/// interval and forecast follow the new law from this frame on, so they may jump.
/// </summary>
/// <param name="Report">The frame's report, whose window <paramref name="Window"/> carries the new law.</param>
/// <param name="Window">The window's name.</param>
/// <param name="Previous">The law the window followed up to the previous refit.</param>
/// <param name="Current">The law it follows now.</param>
public sealed record KineticsChanged(FrameReport Report, string Window, KineticsLaw Previous, KineticsLaw Current) : Pipeline.PipelineEvent;
