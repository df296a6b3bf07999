using System.Globalization;

namespace EelsLive.Pipeline;

/// <summary>A named energy-loss window [lo, hi) in eV whose integral tracks one part of the sample's structure.</summary>
/// <param name="Name">Name used in outputs, e.g. <c>c_o</c>.</param>
/// <param name="LoEv">Lower edge in eV (inclusive).</param>
/// <param name="HiEv">Upper edge in eV (exclusive).</param>
public sealed record EnergyWindow(string Name, double LoEv, double HiEv)
{
    /// <summary>The default windows: π–π* 1–3 eV, C–C 4–7, C–O 10–15, M–O 20–25 eV.</summary>
    public static IReadOnlyList<EnergyWindow> Defaults { get; } =
    [
        new("pi_pi", 1, 3),
        new("c_c", 4, 7),
        new("c_o", 10, 15),
        new("m_o", 20, 25),
    ];

    /// <summary>Parses <c>"name:lo:hi,name:lo:hi"</c>; throws <see cref="FormatException"/> with the offending part named.</summary>
    public static IReadOnlyList<EnergyWindow> ParseList(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("--windows is empty; expected \"name:lo:hi,...\" such as \"c_o:10:15\".");
        }

        var windows = new List<EnergyWindow>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = part.Split(':', StringSplitOptions.TrimEntries);
            if (fields.Length != 3 || fields[0].Length == 0
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double hi))
            {
                throw new FormatException($"window '{part}' is not name:lo:hi with lo and hi in eV, e.g. c_o:10:15.");
            }

            if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(hi > lo))
            {
                throw new FormatException($"window '{part}' needs finite edges with hi > lo.");
            }

            if (windows.Exists(w => w.Name == fields[0]))
            {
                throw new FormatException($"window name '{fields[0]}' appears twice.");
            }

            windows.Add(new EnergyWindow(fields[0], lo, hi));
        }

        return windows;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}:{LoEv}:{HiEv}");
}
