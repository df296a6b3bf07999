namespace EelsLive.Simulation;

/// <summary>Detector and instrument imperfections: counting and read-out noise, beam-current fluctuation and zero-loss drift.</summary>
public sealed record NoiseParameters
{
    /// <summary>The defaults documented in docs/simulator.md.</summary>
    public static NoiseParameters Default { get; } = new();

    /// <summary>No noise at all: the expected spectrum, exactly, at zero drift and nominal current.</summary>
    public static NoiseParameters None { get; } = new()
    {
        Counting = false,
        ReadNoiseCounts = 0,
        BeamCurrentFluctuation = 0,
        DriftStdEv = 0,
    };

    /// <summary>Whether counts are Poisson distributed (normal approximation at and above <see cref="ExactPoissonBelow"/>). Default true.</summary>
    public bool Counting { get; init; } = true;

    /// <summary>Expected counts below which Poisson deviates are drawn exactly rather than by the normal approximation. Default 30.</summary>
    public double ExactPoissonBelow { get; init; } = 30;

    /// <summary>Standard deviation of the Gaussian read-out noise per channel, in counts. Default 3.</summary>
    public double ReadNoiseCounts { get; init; } = 3;

    /// <summary>Relative standard deviation of the frame-to-frame beam current, which scales every count of a frame. Default 0.03.</summary>
    public double BeamCurrentFluctuation { get; init; } = 0.03;

    /// <summary>Stationary standard deviation of the zero-loss energy drift (a mean-reverting random walk), in eV. Default 0.05.</summary>
    public double DriftStdEv { get; init; } = 0.05;

    /// <summary>Correlation length of the drift random walk, in frames. Default 500.</summary>
    public double DriftCorrelationFrames { get; init; } = 500;

    /// <summary>Hard bound on the drift magnitude, in eV. Default 0.15.</summary>
    public double MaxDriftEv { get; init; } = 0.15;
}
