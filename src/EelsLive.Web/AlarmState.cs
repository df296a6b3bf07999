namespace EelsLive.Web;

/// <summary>The alarm level (<c>ok</c>, <c>warning</c> or <c>critical</c>) and the windows that raised it.</summary>
internal sealed record AlarmState(string Level, IReadOnlyList<string> Windows)
{
    /// <summary>No alarm.</summary>
    public static AlarmState Ok { get; } = new("ok", []);

    /// <summary>True when the level or the set of windows differs from <paramref name="other"/>.</summary>
    public bool DiffersFrom(AlarmState other) =>
        !string.Equals(Level, other.Level, StringComparison.Ordinal) || !Windows.SequenceEqual(other.Windows, StringComparer.Ordinal);
}
