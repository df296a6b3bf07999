using EelsLive.Engine;

namespace EelsLive.Cli.Monitoring;

/// <summary>How a live run ended and what it counted.</summary>
internal sealed record MonitorSessionResult(RunOutcome Outcome, long Frames, long Rejected, long QueueDropped, FrameReport? LastReport);
