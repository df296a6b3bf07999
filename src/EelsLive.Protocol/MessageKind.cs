namespace EelsLive.Protocol;

/// <summary>The three kinds of protocol v1 message, one per topic.</summary>
internal enum MessageKind
{
    Start,
    Frame,
    End,
}
