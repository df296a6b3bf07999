namespace EelsLive.Simulation;

/// <summary>Rebuilds a window's kinetics from the family and parameters written in a ground-truth file (the inverse of <see cref="IDamageKinetics.Parameters"/>).</summary>
public static class KineticsFromTruth
{
    /// <summary>The kinetics of <paramref name="window"/>.</summary>
    /// <exception cref="InvalidDataException">The family is unknown, a parameter is missing, or a value is out of range.</exception>
    public static IDamageKinetics Create(WindowTruth window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var p = window.Parameters ?? new Dictionary<string, double>();
        try
        {
            return window.Family switch
            {
                "none" => NoDamageKinetics.Instance,
                "exponential" => new ExponentialKinetics(Get(window, p, "critical_dose_e_a2")),
                "stretched_exponential" => new StretchedExponentialKinetics(Get(window, p, "critical_dose_e_a2"), Get(window, p, "beta")),
                "order_p" => new OrderPKinetics(Get(window, p, "rate_constant_a2_per_e"), Get(window, p, "order")),
                "two_stage" => new TwoStageKinetics(Get(window, p, "incubation_dose_e_a2"), Get(window, p, "critical_dose_e_a2")),
                _ => throw new InvalidDataException(
                    $"window '{window.Name}': unknown kinetics family '{window.Family}' (expected none, exponential, stretched_exponential, order_p or two_stage)."),
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InvalidDataException($"window '{window.Name}' ({window.Family}): {ex.Message}", ex);
        }
    }

    private static double Get(WindowTruth window, IReadOnlyDictionary<string, double> parameters, string name) =>
        parameters.TryGetValue(name, out double value)
            ? value
            : throw new InvalidDataException($"window '{window.Name}' ({window.Family}) lacks the parameter '{name}'.");
}
