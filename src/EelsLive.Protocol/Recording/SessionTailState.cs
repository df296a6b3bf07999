namespace EelsLive.Protocol.Recording;

/// <summary>How the readable part of a session file ended.</summary>
public enum SessionTailState
{
    /// <summary>The file ends exactly after a complete record.</summary>
    Clean,

    /// <summary>The last record is incomplete, as after a crash mid-write; everything before it is intact.</summary>
    Truncated,

    /// <summary>A record failed its checksum or is malformed; reading stopped before it.</summary>
    Corrupt,
}
