using EelsLive.Protocol.Recording;

namespace EelsLive.Transport;

/// <summary>A raw wire message handed from the receiving thread to processing, and whether frames are already queued behind it.</summary>
/// <param name="Message">The raw frames and their receive time.</param>
/// <param name="MoreFramesQueued">True when another frame of the same hand-off batch follows, so this frame's refit may be coalesced.</param>
public readonly record struct IncomingMessage(RecordedMessage Message, bool MoreFramesQueued);
