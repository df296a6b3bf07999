using EelsLive.Engine;

namespace EelsLive.Reports;

/// <summary>The per-frame reports of one analysis of a session, labelled by the damage model that produced them.</summary>
/// <param name="Label">The model's name as shown in the report, e.g. "physics".</param>
/// <param name="Reports">Every frame's report, in order.</param>
public sealed record ModelRun(string Label, IReadOnlyList<FrameReport> Reports)
{
    /// <summary>The model's fit to the main series after its last frame; null for a results file or without a model.</summary>
    public FinalFit? Fit { get; init; }

    /// <summary>
    /// The windows of the main series whose signal the model saw change significantly at its last refit (their integrity is
    /// identified, so a central value below 0.5 reads as "probably passed"); empty for a results file, which does not say.
    /// </summary>
    public IReadOnlySet<string> ChangingWindows { get; init; } = new HashSet<string>();

    /// <summary>When each alarm window of the main series first warned and was declared crossed; empty for a results file.</summary>
    public IReadOnlyList<WindowAlarmTimes> AlarmTimes { get; init; } = [];
}
