using EelsLive.Protocol;

namespace EelsLive.Simulation;

/// <summary>What a simulated run published.</summary>
/// <param name="Reason">Why the series ended (the <c>reason</c> of the <c>eels.end</c> sent).</param>
/// <param name="FramesProduced">Sequence numbers produced, sent or dropped (the <c>frames</c> of <c>eels.end</c>).</param>
/// <param name="FramesSent">Frame messages actually sent.</param>
/// <param name="SubscriberSeen">Whether a subscription arrived before publishing began.</param>
/// <param name="Elapsed">Time from the start message to the end message, on the publisher's clock.</param>
public sealed record PublishResult(EndReason Reason, long FramesProduced, long FramesSent, bool SubscriberSeen, TimeSpan Elapsed)
{
    /// <summary>Frames per second sent, over <see cref="Elapsed"/>.</summary>
    public double FramesPerSecond => Elapsed > TimeSpan.Zero ? FramesSent / Elapsed.TotalSeconds : double.PositiveInfinity;
}
