using EelsLive.Engine;

namespace EelsLive.Reports;

/// <summary>The per-frame reports of one analysis of a session, labelled by the damage model that produced them.</summary>
/// <param name="Label">The model's name as shown in the report, e.g. "physics".</param>
/// <param name="Reports">Every frame's report, in order.</param>
public sealed record ModelRun(string Label, IReadOnlyList<FrameReport> Reports);
