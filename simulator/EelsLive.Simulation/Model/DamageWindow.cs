namespace EelsLive.Simulation;

/// <summary>A named energy-loss window [lo, hi) in eV whose signal the monitor tracks against dose.</summary>
/// <param name="Name">The window's name, e.g. <c>c_o</c>.</param>
/// <param name="LoEv">Lower edge in eV (inclusive).</param>
/// <param name="HiEv">Upper edge in eV (exclusive), &gt; <paramref name="LoEv"/>.</param>
public sealed record DamageWindow(string Name, double LoEv, double HiEv)
{
    /// <summary>The window centre in eV.</summary>
    public double CentreEv => 0.5 * (LoEv + HiEv);

    /// <summary>The window width in eV.</summary>
    public double WidthEv => HiEv - LoEv;

    /// <summary>π–π* transitions, 1–3 eV.</summary>
    public static DamageWindow PiPi { get; } = new("pi_pi", 1, 3);

    /// <summary>C–C bonding, 4–7 eV.</summary>
    public static DamageWindow CC { get; } = new("c_c", 4, 7);

    /// <summary>C–O (carboxylate) bonding, 10–15 eV.</summary>
    public static DamageWindow CO { get; } = new("c_o", 10, 15);

    /// <summary>Metal–oxygen (Fe–O cluster) bonding, 20–25 eV.</summary>
    public static DamageWindow MO { get; } = new("m_o", 20, 25);

    /// <summary>The four default windows in energy order.</summary>
    public static IReadOnlyList<DamageWindow> Defaults { get; } = [PiPi, CC, CO, MO];
}
