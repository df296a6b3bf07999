namespace EelsLive.Protocol;

/// <summary>The ZeroMQ topics of wire protocol v1 and the prefix consumers subscribe to.</summary>
public static class WireTopics
{
    /// <summary>The subscription prefix shared by every protocol topic.</summary>
    public const string Prefix = "eels.";

    /// <summary>Topic of the informational message that opens a series.</summary>
    public const string Start = "eels.start";

    /// <summary>Topic of one self-sufficient spectrum frame.</summary>
    public const string Frame = "eels.frame";

    /// <summary>Topic of the message that closes a series.</summary>
    public const string End = "eels.end";

    /// <summary>The default endpoint a source binds and a consumer connects to.</summary>
    public const string DefaultEndpoint = "tcp://127.0.0.1:5556";
}
