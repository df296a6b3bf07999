namespace EelsLive.Protocol;

/// <summary>A decoded protocol v1 message: one of <see cref="StartMessage"/>, <see cref="FrameMessage"/> or <see cref="EndMessage"/>.</summary>
/// <param name="SeriesId">The series this message belongs to; a new id starts a new session.</param>
public abstract record WireMessage(string SeriesId)
{
    /// <summary>The ZeroMQ topic this message travels under.</summary>
    public abstract string Topic { get; }
}
