namespace EelsLive.Simulation;

/// <summary>What a replay republished.</summary>
/// <param name="MessagesSent">Recorded messages sent, byte for byte.</param>
/// <param name="MessagesSkipped">Recorded messages with no frames, which cannot be sent.</param>
/// <param name="SubscriberSeen">Whether a subscription arrived before publishing began.</param>
/// <param name="Aborted">True when cancellation stopped the replay early.</param>
public sealed record ReplayResult(long MessagesSent, long MessagesSkipped, bool SubscriberSeen, bool Aborted);
