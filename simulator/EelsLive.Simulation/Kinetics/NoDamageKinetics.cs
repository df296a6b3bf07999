namespace EelsLive.Simulation;

/// <summary>A beam-resistant feature: I(D) ≡ 1 at every dose.</summary>
public sealed class NoDamageKinetics : IDamageKinetics
{
    /// <summary>The single instance.</summary>
    public static NoDamageKinetics Instance { get; } = new();

    public string Family => "none";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>();

    public double Integrity(double doseEA2) => 1;

    public double DoseAtIntegrity(double threshold)
    {
        KineticsGuard.Threshold(threshold);
        return double.PositiveInfinity;
    }
}
