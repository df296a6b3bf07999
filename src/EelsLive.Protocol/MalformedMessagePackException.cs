namespace EelsLive.Protocol;

/// <summary>Thrown by <see cref="MessagePackSpanReader"/> when the bytes are not well-formed MessagePack.</summary>
internal sealed class MalformedMessagePackException(string message) : Exception(message);
