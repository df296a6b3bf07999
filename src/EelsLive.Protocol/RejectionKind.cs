namespace EelsLive.Protocol;

/// <summary>The category of a rejected message; the <see cref="Rejection.Detail"/> says exactly what was wrong.</summary>
public enum RejectionKind
{
    /// <summary>The message did not have exactly two ZeroMQ frames.</summary>
    WrongFrameCount,

    /// <summary>The topic is not one of <c>eels.start</c>, <c>eels.frame</c>, <c>eels.end</c>.</summary>
    UnknownTopic,

    /// <summary>The payload is not valid MessagePack.</summary>
    NotMessagePack,

    /// <summary>The payload is MessagePack but not a map with string keys.</summary>
    NotAMap,

    /// <summary>A required key is absent.</summary>
    MissingKey,

    /// <summary>A key holds a value of the wrong MessagePack type.</summary>
    WrongType,

    /// <summary><c>v</c> is not 1.</summary>
    UnsupportedVersion,

    /// <summary>A value is out of its allowed range (negative exposure, zero dispersion, …).</summary>
    InvalidValue,

    /// <summary>The counts contain NaN or infinity.</summary>
    NonFiniteCounts,

    /// <summary><c>channels</c> does not match the number of counts.</summary>
    ChannelMismatch,

    /// <summary>The message or one of its parts exceeds a protocol limit.</summary>
    TooLarge,

    /// <summary>A frame repeats a seq already seen in its series.</summary>
    DuplicateSeq,

    /// <summary>A frame's seq is lower than one already seen in its series.</summary>
    BackwardSeq,

    /// <summary>A frame belongs to a series that has already been replaced by a newer one.</summary>
    StaleSeries,

    /// <summary>A frame carries no dose information and the consumer has no configured dose rate.</summary>
    NoDose,

    /// <summary>A frame's <c>cumulative_dose_e_a2</c> is lower than the series' running total.</summary>
    DoseDecreased,
}
