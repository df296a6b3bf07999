namespace EelsLive.Protocol;

/// <summary>Upper bounds a decoder enforces so that a hostile or broken peer cannot exhaust memory.</summary>
public sealed record ProtocolLimits
{
    /// <summary>The defaults: generous for any EELS detector, far below what would hurt the monitor.</summary>
    public static ProtocolLimits Default { get; } = new();

    /// <summary>Largest accepted payload in bytes (also the socket's <c>MaxMsgSize</c>). Default 16 MiB.</summary>
    public int MaxPayloadBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest accepted channel count. Default 65,536.</summary>
    public int MaxChannels { get; init; } = 65_536;

    /// <summary>Largest accepted string value (series id, sample, …) in bytes. Default 4,096.</summary>
    public int MaxStringBytes { get; init; } = 4_096;

    /// <summary>Largest number of keys in a payload map. Default 256.</summary>
    public int MaxKeys { get; init; } = 256;
}
