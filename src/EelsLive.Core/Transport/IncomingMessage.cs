using EelsLive.Protocol.Recording;

namespace EelsLive.Transport;

/// <summary>A raw wire message handed from the receiving thread to processing, and whether more are already queued behind it.</summary>
/// <param name="Message">The raw frames and their receive time.</param>
/// <param name="MoreQueued">True when further messages were waiting at hand-off, so a refit may be coalesced.</param>
public readonly record struct IncomingMessage(RecordedMessage Message, bool MoreQueued);
