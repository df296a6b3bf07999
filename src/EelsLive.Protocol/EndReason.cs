namespace EelsLive.Protocol;

/// <summary>Why a source ended a series (<c>reason</c> of <c>eels.end</c>).</summary>
public enum EndReason
{
    /// <summary>The acquisition ran to its planned end (<c>"completed"</c>).</summary>
    Completed,

    /// <summary>The operator stopped it early (<c>"aborted"</c>).</summary>
    Aborted,

    /// <summary>The source failed (<c>"error"</c>).</summary>
    Error,
}

/// <summary>Wire names of <see cref="EndReason"/>.</summary>
public static class EndReasonExtensions
{
    /// <summary>The string written in the <c>reason</c> key.</summary>
    public static string WireName(this EndReason reason) => reason switch
    {
        EndReason.Completed => "completed",
        EndReason.Aborted => "aborted",
        EndReason.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };

    /// <summary>Parses a wire name; false for anything but the three names of v1.</summary>
    public static bool TryParseWireName(string? text, out EndReason reason)
    {
        reason = EndReason.Completed;
        switch (text)
        {
            case "completed": reason = EndReason.Completed; return true;
            case "aborted": reason = EndReason.Aborted; return true;
            case "error": reason = EndReason.Error; return true;
            default: return false;
        }
    }
}
