namespace EelsLive.Protocol.Recording;

/// <summary>One wire message as it was received, valid or not: its raw ZeroMQ frames and its receive time.</summary>
/// <param name="ReceivedUnixS">Receive time, Unix seconds.</param>
/// <param name="Frames">The raw ZeroMQ frames, exactly as received.</param>
public sealed record RecordedMessage(double ReceivedUnixS, IReadOnlyList<byte[]> Frames);
