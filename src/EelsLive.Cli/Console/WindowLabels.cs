namespace EelsLive.Cli.Console;

/// <summary>Display labels of the energy-loss windows: "π–π*", "C–C", "C–O", "M–O" for the defaults, the raw name otherwise.</summary>
internal static class WindowLabels
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["pi_pi"] = "π–π*",
        ["c_c"] = "C–C",
        ["c_o"] = "C–O",
        ["m_o"] = "M–O",
    };

    /// <summary>The label an operator reads for the window named <paramref name="name"/>.</summary>
    public static string For(string name) => Defaults.TryGetValue(name, out string? label) ? label : name;
}
