namespace EelsLive.Protocol;

/// <summary>The version number every v1 payload carries in its <c>v</c> key.</summary>
public static class ProtocolVersion
{
    /// <summary>The only version this library encodes and accepts.</summary>
    public const int Current = 1;
}
