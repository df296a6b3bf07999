using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Validation;

/// <summary>One simulated session for validation: a preset's kinetics, a noise seed, a model and the dose schedule.</summary>
internal sealed record ValidationScenario(SimulationPreset Preset, int Seed, ModelKind Model, int Frames = 1000, double DosePerFrameEA2 = 5)
{
    public override string ToString() => $"{Preset.Name}/seed {Seed}/{Model.ToString().ToLowerInvariant()}";
}
