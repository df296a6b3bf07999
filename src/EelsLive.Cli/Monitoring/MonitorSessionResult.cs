using EelsLive.Engine;

namespace EelsLive.Cli.Monitoring;

/// <summary>How a live run ended and what it counted.</summary>
internal sealed record MonitorSessionResult(RunOutcome Outcome, long Frames, long Rejected, long QueueDropped, FrameReport? LastReport)
{
    /// <summary>The windows whose signal the model saw change significantly at its last refit (their integrity is identified).</summary>
    public IReadOnlySet<string> ChangingWindows { get; init; } = new HashSet<string>();
}
