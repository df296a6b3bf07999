using System.Diagnostics.CodeAnalysis;

namespace EelsLive.Simulation;

/// <summary>The built-in presets: a MIL-101(Fe) metal–organic framework, a beam-resistant control, and one preset per kinetics family for validation.</summary>
public static class SimulationPresets
{
    private const double MofContrastPiPi = 0.3;
    private const double MofContrastLinker = 0.4;
    private const double MofContrastMetalOxide = 0.2;
    private const double RisingRatio = 2.0;
    private const double DecayingRatio = 0.1;
    private const double MetalOxideRatio = 0.5;

    /// <summary>
    /// MIL-101(Fe) at 300 kV: order-p (p 1.6–1.8) loss of the C–C (D50 1100 e/Å²) and C–O (D50 850 e/Å²) features,
    /// a rising π–π* signal (D50 1500 e/Å²) and a metal–oxygen feature that barely changes (D50 5×10⁵ e/Å²).
    /// </summary>
    public static SimulationPreset Mil101Fe { get; } = new(
        "mil101fe",
        "MIL-101(Fe) at 300 kV: C–O (D50 850) and C–C (D50 1100 e/Å²) fade with order-p kinetics, π–π* rises, M–O barely changes",
        300,
        [
            new WindowModel(DamageWindow.PiPi, OrderPKinetics.FromD50(1500, 1.5), MofContrastPiPi, RisingRatio),
            new WindowModel(DamageWindow.CC, OrderPKinetics.FromD50(1100, 1.6), MofContrastLinker, DecayingRatio),
            new WindowModel(DamageWindow.CO, OrderPKinetics.FromD50(850, 1.8), MofContrastLinker, DecayingRatio),
            new WindowModel(DamageWindow.MO, ExponentialKinetics.FromD50(5e5), MofContrastMetalOxide, MetalOxideRatio),
        ]);

    /// <summary>A beam-resistant control at 300 kV: the same features, none of which changes with dose.</summary>
    public static SimulationPreset Control { get; } = new(
        "control",
        "Beam-resistant control at 300 kV: the same spectral features, nothing changes with dose",
        300,
        [
            new WindowModel(DamageWindow.PiPi, NoDamageKinetics.Instance, MofContrastPiPi, RisingRatio),
            new WindowModel(DamageWindow.CC, NoDamageKinetics.Instance, MofContrastLinker, DecayingRatio),
            new WindowModel(DamageWindow.CO, NoDamageKinetics.Instance, MofContrastLinker, DecayingRatio),
            new WindowModel(DamageWindow.MO, NoDamageKinetics.Instance, MofContrastMetalOxide, MetalOxideRatio),
        ]);

    /// <summary>Validation preset: single-exponential kinetics in every damaging window.</summary>
    public static SimulationPreset Exponential { get; } = Family(
        "exponential",
        "Validation: single-exponential kinetics (D50 π–π* 1500 rising, C–C 1000, C–O 700 e/Å²; M–O stable)",
        ExponentialKinetics.FromD50(1500), ExponentialKinetics.FromD50(1000), ExponentialKinetics.FromD50(700));

    /// <summary>Validation preset: stretched-exponential kinetics (β 0.6–0.8).</summary>
    public static SimulationPreset Stretched { get; } = Family(
        "stretched",
        "Validation: stretched-exponential kinetics (β 0.7/0.6/0.8; D50 π–π* 1500 rising, C–C 1000, C–O 700 e/Å²; M–O stable)",
        StretchedExponentialKinetics.FromD50(1500, 0.7), StretchedExponentialKinetics.FromD50(1000, 0.6), StretchedExponentialKinetics.FromD50(700, 0.8));

    /// <summary>Validation preset: order-p kinetics with orders 1.5, 2 and 2.5.</summary>
    public static SimulationPreset OrderP { get; } = Family(
        "orderp",
        "Validation: order-p kinetics (p 1.5/2/2.5; D50 π–π* 1500 rising, C–C 1000, C–O 700 e/Å²; M–O stable)",
        OrderPKinetics.FromD50(1500, 1.5), OrderPKinetics.FromD50(1000, 2.0), OrderPKinetics.FromD50(700, 2.5));

    /// <summary>Validation preset: an incubation dose, then exponential decay.</summary>
    public static SimulationPreset TwoStage { get; } = Family(
        "twostage",
        "Validation: two-stage kinetics (incubation 300/400/200 then decay; D50 π–π* 1500 rising, C–C 1200, C–O 800 e/Å²; M–O stable)",
        TwoStageKinetics.FromD50(300, 1500), TwoStageKinetics.FromD50(400, 1200), TwoStageKinetics.FromD50(200, 800));

    /// <summary>Every preset, <see cref="Mil101Fe"/> first.</summary>
    public static IReadOnlyList<SimulationPreset> All { get; } = [Mil101Fe, Control, Exponential, Stretched, OrderP, TwoStage];

    /// <summary>The preset names, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>Looks a preset up by name (case-insensitive).</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out SimulationPreset preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return preset is not null;
    }

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    public static SimulationPreset Get(string name) => TryGet(name, out var preset)
        ? preset
        : throw new ArgumentException($"Unknown preset '{name}'; known presets: {string.Join(", ", Names)}.", nameof(name));

    private static SimulationPreset Family(string name, string description, IDamageKinetics piPi, IDamageKinetics cc, IDamageKinetics co) => new(
        name,
        description,
        300,
        [
            new WindowModel(DamageWindow.PiPi, piPi, MofContrastPiPi, RisingRatio),
            new WindowModel(DamageWindow.CC, cc, MofContrastLinker, DecayingRatio),
            new WindowModel(DamageWindow.CO, co, MofContrastLinker, DecayingRatio),
            new WindowModel(DamageWindow.MO, NoDamageKinetics.Instance, MofContrastMetalOxide, MetalOxideRatio),
        ]);
}
