namespace EelsLive.Protocol;

/// <summary>The <c>eels.end</c> message that closes a series.</summary>
/// <param name="SeriesId">The series that ended.</param>
/// <param name="Frames">How many frames the source sent in the series.</param>
/// <param name="T">Unix time in seconds.</param>
/// <param name="Reason">Why the series ended.</param>
public sealed record EndMessage(string SeriesId, long Frames, double T, EndReason Reason) : WireMessage(SeriesId)
{
    public override string Topic => WireTopics.End;
}
