using EelsLive.Model.Classical;
using EelsLive.Model.Physics;

namespace EelsLive.Model;

/// <summary>Factory for damage models.</summary>
public static class DamageModels
{
    /// <summary>Creates a model of the given kind for the windows; options are validated (ArgumentException on bad values).</summary>
    public static IDamageModel Create(ModelKind kind, IReadOnlyList<string> windowNames, ModelOptions options) =>
        Create(kind, windowNames, options, TimeProvider.System);

    /// <summary>Creates a model with an explicit time provider (used only to measure the fit time).</summary>
    public static IDamageModel Create(ModelKind kind, IReadOnlyList<string> windowNames, ModelOptions options, TimeProvider timeProvider) => kind switch
    {
        ModelKind.Physics => new PhysicsDamageModel(windowNames, options, timeProvider),
        ModelKind.Classical => new ClassicalDamageModel(windowNames, options, timeProvider),
        _ => throw new ArgumentException($"Unknown model kind {kind}.", nameof(kind)),
    };
}
