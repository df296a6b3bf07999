namespace EelsLive.Simulation;

/// <summary>A named sample: its beam energy and how each damage window responds to dose.</summary>
/// <param name="Name">Preset name used on the command line, e.g. <c>mil101fe</c>.</param>
/// <param name="Description">One line for <c>--help</c> and ground-truth files.</param>
/// <param name="BeamEnergyKv">Accelerating voltage in kV.</param>
/// <param name="Windows">The damage windows and their kinetics.</param>
public sealed record SimulationPreset(string Name, string Description, double BeamEnergyKv, IReadOnlyList<WindowModel> Windows);
